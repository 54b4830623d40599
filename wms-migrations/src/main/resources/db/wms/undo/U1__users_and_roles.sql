-- Undoes V1: users, roles, the junction between them and the wms_touch_row() trigger function.
-- Dropping the tables drops their indexes, triggers and identity sequences with them.

DROP TABLE "${flyway:defaultSchema}".user_roles;
DROP TABLE "${flyway:defaultSchema}".roles;
DROP TABLE "${flyway:defaultSchema}".users;
DROP FUNCTION "${flyway:defaultSchema}".wms_touch_row();
