-- Grants an application role exactly what wms needs at run time: read and write rows, append to the ledger, in the
-- wms schema named by wms_schema (wms by default; public for an installation made before wms had its own schema).
--
-- Run it as the schema owner (the user that runs the migrations), after creating the role, and again after every
-- upgrade of wms (new tables need their grants):
--
--   CREATE ROLE go_wms_app LOGIN PASSWORD '...';            -- once, as a user with CREATEROLE
--   psql -v app_role=go_wms_app -v wms_schema=wms -f grant-application-role.sql
--
-- or from Java: WmsMigrations.on(ownerDataSource).grantApplicationRole("go_wms_app").
--
-- The role gets no DDL: it cannot create, alter or drop anything, and it cannot UPDATE, DELETE or TRUNCATE ledger
-- rows in product_batch_tracks (the append-only trigger refuses that too; this is the second lock). Purging a batch
-- still removes its ledger rows, because PostgreSQL runs foreign-key cascades with the table owner's rights.

GRANT USAGE ON SCHEMA :"wms_schema" TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"wms_schema" TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"wms_schema" TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON :"wms_schema".product_batch_tracks FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON :"wms_schema".flyway_schema_history FROM :"app_role";
REVOKE CREATE ON SCHEMA :"wms_schema" FROM :"app_role";
