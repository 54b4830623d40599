-- Grants an application role exactly what wms needs at run time: read and write rows, append to the ledger, in the
-- wms schema named by wms_schema (wms by default; public for an installation made before wms had its own schema).
--
-- Run it as the owner of the database, of the schema and of schema public (the user that runs the migrations, when it
-- also owns the database; on PostgreSQL 14 and older, where public belongs to the bootstrap superuser, a superuser),
-- after creating the role, and again after every upgrade of wms (new tables need their grants):
--
--   CREATE ROLE go_wms_app LOGIN PASSWORD '...';            -- once, as a user with CREATEROLE
--   psql -v app_role=go_wms_app -v wms_schema=wms -f grant-application-role.sql
--
-- or from Java: WmsMigrations.on(ownerDataSource).grantApplicationRole("go_wms_app").
--
-- The role gets no DDL: it cannot create, alter or drop anything, and it cannot UPDATE, DELETE or TRUNCATE ledger
-- rows in product_batch_tracks (the append-only trigger refuses that too; this is the second lock). Ids and ledger
-- times are the database's own: the role inserts into no identity column (an insert cannot choose an id, not even
-- with OVERRIDING SYSTEM VALUE) and not into product_batch_tracks.created_at. Purging a batch that has ledger rows is
-- refused to it (V19): that is the owner's act.
--
-- Rights that reach the role through PUBLIC are taken from PUBLIC, since revoking them from the role alone changes
-- nothing: CREATE on the wms schema and on schema public (PUBLIC holds it on public on PostgreSQL 14 and older) and
-- TEMPORARY on the database (PUBLIC holds it on every version; a temporary table can shadow a schema table for every
-- unqualified name in a session). A role that may create in a schema on a connection's search_path can plant there
-- a function or an operator that matches a call better than pg_catalog's (lower(varchar) beside
-- pg_catalog.lower(text)), which then runs with the rights of whoever makes that call. Other roles of this database
-- that need temporary tables get them back with GRANT TEMPORARY ON DATABASE, and a schema of their own to create in.
--
-- PostgreSQL only warns when the user running this lacks the right to grant or revoke, so the last statement checks
-- the outcome and fails, saying what is missing, when any of it did not take effect. (The database's name and the
-- tables' columns are only known on the server, so TEMPORARY, CREATE on public and the column rights are dealt with
-- inside that block.)
--
-- WmsMigrations.grantApplicationRole runs the whole script in one transaction: a failure grants and revokes nothing.
-- psql runs each statement in its own unless given --single-transaction.

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
    insertable record;
BEGIN
    -- Every name below resolves in pg_catalog, whatever the connection's search_path.
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', pg_catalog.current_database());
    EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM %I', pg_catalog.current_database(), app_role);
    IF pg_catalog.to_regnamespace('public') IS NOT NULL THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        EXECUTE pg_catalog.format('REVOKE CREATE ON SCHEMA public FROM %I', app_role);
    END IF;
    -- Table-wide INSERT covers every column: where the database chooses a column's values, it is replaced by INSERT
    -- of the other columns.
    FOR insertable IN
        SELECT c.relname,
               pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
                   FILTER (WHERE NOT chosen.by_database) AS columns
          FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               CROSS JOIN LATERAL (SELECT a.attidentity <> ''
                                              OR c.relname = 'product_batch_tracks' AND a.attname = 'created_at'
                                              AS by_database) chosen
         WHERE c.relnamespace = wms_schema::regnamespace AND c.relkind IN ('r', 'p')
           AND c.relname <> 'flyway_schema_history'
         GROUP BY c.relname
        HAVING pg_catalog.bool_or(chosen.by_database)
    LOOP
        EXECUTE pg_catalog.format('REVOKE INSERT ON %I.%I FROM %I', wms_schema, insertable.relname, app_role);
        EXECUTE pg_catalog.format('GRANT INSERT (%s) ON %I.%I TO %I', insertable.columns, wms_schema,
                                  insertable.relname, app_role);
    END LOOP;
    IF pg_catalog.has_schema_privilege(app_role, wms_schema, 'CREATE') THEN
        RAISE EXCEPTION 'role % may still create objects in schema %', app_role, wms_schema
            USING HINT = 'Run the grants as the owner of the schema (for schema public on PostgreSQL 14 and older: '
                || 'a superuser, or ALTER SCHEMA public OWNER TO the schema owner first).';
    END IF;
    IF pg_catalog.to_regnamespace('public') IS NOT NULL
        AND (pg_catalog.has_schema_privilege('public', 'public', 'CREATE')
             OR pg_catalog.has_schema_privilege(app_role, 'public', 'CREATE')) THEN
        RAISE EXCEPTION 'PUBLIC or role % may still create objects in schema public', app_role
            USING HINT = 'Run the grants as the owner of schema public (on PostgreSQL 14 and older: a superuser, or '
                || 'ALTER SCHEMA public OWNER TO the database owner first).';
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
                AND pg_catalog.has_any_column_privilege(app_role, c.oid, 'INSERT'));
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'role % cannot read and write the tables %', app_role, missing
            USING HINT = 'Run the grants as the owner of the wms tables (the user that ran the migrations).';
    END IF;
    SELECT pg_catalog.string_agg(c.relname || '.' || a.attname, ', ' ORDER BY c.relname, a.attnum) INTO missing
      FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relnamespace = wms_schema::regnamespace AND c.relkind IN ('r', 'p')
       AND (a.attidentity <> '' OR c.relname = 'product_batch_tracks' AND a.attname = 'created_at')
       AND pg_catalog.has_column_privilege(app_role, c.oid, a.attnum, 'INSERT');
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'role % may still choose the values of %', app_role, missing
            USING HINT = 'Run the grants as the owner of the wms tables (the user that ran the migrations).';
    END IF;
END
$$;
