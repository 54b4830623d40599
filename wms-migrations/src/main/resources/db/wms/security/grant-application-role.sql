-- Grants an application role exactly what wms needs at run time: read and write rows, append to the ledger, in the
-- wms schema named by wms_schema (wms by default; public for an installation made before wms had its own schema).
--
-- Run it as the owner of the database and of the schema (the user that runs the migrations, when it also owns the
-- database), after creating the role, and again after every upgrade of wms (new tables need their grants):
--
--   CREATE ROLE go_wms_app LOGIN PASSWORD '...';            -- once, as a user with CREATEROLE
--   psql -v app_role=go_wms_app -v wms_schema=wms -f grant-application-role.sql
--
-- or from Java: WmsMigrations.on(ownerDataSource).grantApplicationRole("go_wms_app").
--
-- The role gets no DDL: it cannot create, alter or drop anything, and it cannot UPDATE, DELETE or TRUNCATE ledger
-- rows in product_batch_tracks (the append-only trigger refuses that too; this is the second lock). Purging a batch
-- still removes its ledger rows, because PostgreSQL runs foreign-key cascades with the table owner's rights.
--
-- Rights that reach the role through PUBLIC are taken from PUBLIC, since revoking them from the role alone changes
-- nothing: CREATE on the schema (PUBLIC holds it on PostgreSQL 14 and older) and TEMPORARY on the database (PUBLIC
-- holds it on every version; a temporary table can shadow a schema table for every unqualified name in a session).
-- Other roles of this database that need temporary tables get them back with GRANT TEMPORARY ON DATABASE.
--
-- PostgreSQL only warns when the user running this lacks the right to grant or revoke, so the last statement checks
-- the outcome and fails, saying what is missing, when any of it did not take effect. (The database's name is only
-- known on the server, so TEMPORARY is revoked inside that block.)
--
-- Statements end with ';' at the end of a line; dollar-quoted blocks may span lines.

GRANT USAGE ON SCHEMA :"wms_schema" TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"wms_schema" TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"wms_schema" TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON :"wms_schema".product_batch_tracks FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON :"wms_schema".flyway_schema_history FROM :"app_role";
REVOKE CREATE ON SCHEMA :"wms_schema" FROM :"app_role";
REVOKE CREATE ON SCHEMA :"wms_schema" FROM PUBLIC;
SELECT pg_catalog.set_config('wms.grant_app_role', :'app_role', false);
SELECT pg_catalog.set_config('wms.grant_schema', :'wms_schema', false);
DO $$
DECLARE
    app_role text := pg_catalog.current_setting('wms.grant_app_role');
    wms_schema text := pg_catalog.current_setting('wms.grant_schema');
    missing text;
BEGIN
    EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', pg_catalog.current_database());
    EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM %I', pg_catalog.current_database(), app_role);
    IF pg_catalog.has_schema_privilege(app_role, wms_schema, 'CREATE') THEN
        RAISE EXCEPTION 'role % may still create objects in schema %', app_role, wms_schema
            USING HINT = 'Run the grants as the owner of the schema (for schema public on PostgreSQL 14 and older: '
                || 'a superuser, or ALTER SCHEMA public OWNER TO the schema owner first).';
    END IF;
    IF pg_catalog.has_database_privilege(app_role, pg_catalog.current_database(), 'TEMPORARY') THEN
        RAISE EXCEPTION 'role % may still create temporary tables in database %', app_role,
            pg_catalog.current_database()
            USING HINT = 'Run the grants as the owner of the database, which alone can revoke TEMPORARY from PUBLIC.';
    END IF;
    SELECT pg_catalog.string_agg(c.relname, ', ' ORDER BY c.relname) INTO missing
      FROM pg_catalog.pg_class c
     WHERE c.relnamespace = wms_schema::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
       AND NOT (pg_catalog.has_table_privilege(app_role, c.oid, 'SELECT')
                AND pg_catalog.has_table_privilege(app_role, c.oid, 'INSERT'));
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'role % cannot read and write the tables %', app_role, missing
            USING HINT = 'Run the grants as the owner of the wms tables (the user that ran the migrations).';
    END IF;
END
$$;
