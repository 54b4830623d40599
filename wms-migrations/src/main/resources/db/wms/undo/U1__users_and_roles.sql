-- Undoes V1: users, roles, the junction between them and the wms_touch_row() trigger function.
-- Dropping the tables drops their indexes, triggers and identity sequences with them.

DROP TABLE user_roles;
DROP TABLE roles;
DROP TABLE users;
DROP FUNCTION wms_touch_row();
