-- Every index and check of the schema calls pg_catalog's functions and operators, whatever search_path it was made
-- under.
--
-- PostgreSQL binds the functions and operators of an index expression, an index predicate or a check when it creates
-- them, looking their names up through the search_path of that moment, and keeps that choice. Up to V17 Flyway put
-- the wms schema in front of the migrating connection's own path, so schema public stayed on it (on PostgreSQL 14
-- and older, PUBLIC may create objects there). A role allowed to create in public could plant, before the owner
-- migrated, a function or an operator that matches the call better than pg_catalog's: lower(varchar) beats
-- pg_catalog.lower(text) for a varchar column, =(varchar, varchar) beats pg_catalog's =(text, text) in
-- status IN (...), btrim(varchar) beats btrim(text). It was then bound into users_email_live_key and the checks, ran
-- inside the migration with the owner's rights (V14's inserts evaluate the warehouses' checks), and ran again, with
-- the writer's rights, on every row any role wrote to those tables.
--
-- WmsMigrations now narrows each migration's search_path to the wms schema alone. Here every index and check whose
-- expression took a function or an operator from outside pg_catalog is made again with each call named in
-- pg_catalog: the expression is the one its migration meant, and a fresh installation's catalog is unchanged (its
-- expressions already name pg_catalog's objects). The others are left as they are, so that an installation that was
-- never attacked does not rebuild indexes or re-check its tables (the ledger's two checks would read every ledger row
-- under an exclusive lock). The list below is every index and check of V1 to V17 that calls a function or an operator
-- on a varchar or text value; the others compare integers, dates, booleans and NULLs, for which pg_catalog's operator
-- matches exactly, and an exact match in pg_catalog always wins, as pg_catalog is searched first.
--
-- The functions of the schema need no change. V7, V14 and V17 pinned their search_path to pg_catalog then pg_temp,
-- and the functions never search pg_temp; V17's three set pg_catalog, the wms schema, then pg_temp for their own
-- duration, and each call and operator in them (sum, coalesce, =, <>, +, - on integers) has an exact match in
-- pg_catalog, which comes first.
--
-- U18 has nothing to restore: it would have to bind the planted objects again.

DO
$$
DECLARE
    wms_schema constant text := '${flyway:defaultSchema}';
    item record;
    target oid;
    captured text;
    catalog regclass;
BEGIN
    -- Whoever runs this script, every name below resolves in pg_catalog.
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    FOR item IN
        SELECT *
          FROM (VALUES
            ('index', 'users', 'users_email_live_key',
             'CREATE UNIQUE INDEX users_email_live_key ON %1$I.users (pg_catalog.lower(email)) '
                 || 'WHERE deleted_at IS NULL'),
            ('index', 'categories', 'categories_name_live_key',
             'CREATE UNIQUE INDEX categories_name_live_key ON %1$I.categories (pg_catalog.lower(name)) '
                 || 'WHERE deleted_at IS NULL'),
            ('index', 'brands', 'brands_name_live_key',
             'CREATE UNIQUE INDEX brands_name_live_key ON %1$I.brands (pg_catalog.lower(name)) '
                 || 'WHERE deleted_at IS NULL'),
            ('index', 'products', 'idx_products_name_gin',
             'CREATE INDEX idx_products_name_gin ON %1$I.products '
                 || 'USING gin (pg_catalog.to_tsvector(''pg_catalog.english''::pg_catalog.regconfig, name))'),
            ('index', 'product_batches', 'idx_product_batches_active_expiry',
             'CREATE INDEX idx_product_batches_active_expiry ON %1$I.product_batches (expiry_date) '
                 || 'WHERE status OPERATOR(pg_catalog.=) ''active'''),
            ('index', 'product_batches', 'idx_active_batches',
             'CREATE INDEX idx_active_batches ON %1$I.product_batches (product_id, expiry_date, id) '
                 || 'WHERE status OPERATOR(pg_catalog.=) ''active'' AND deleted_at IS NULL'),
            ('index', 'reservations', 'idx_reservations_open_expiry',
             'CREATE INDEX idx_reservations_open_expiry ON %1$I.reservations (expires_at) '
                 || 'WHERE status OPERATOR(pg_catalog.=) ''open'''),
            ('check', 'users', 'users_email_not_blank',
             'pg_catalog.btrim(email) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'users', 'users_password_not_blank',
             'password OPERATOR(pg_catalog.<>) '''''),
            ('check', 'roles', 'roles_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'categories', 'categories_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'brands', 'brands_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'products', 'products_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'product_batches', 'product_batches_status_known',
             'status OPERATOR(pg_catalog.=) ANY (ARRAY[''active''::varchar, ''quarantined''::varchar, '
                 || '''expired''::varchar, ''depleted''::varchar, ''recalled''::varchar])'),
            ('check', 'product_batches', 'product_batches_batch_number_not_blank',
             'pg_catalog.btrim(batch_number) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'product_batch_tracks', 'product_batch_tracks_action_known',
             'action OPERATOR(pg_catalog.=) ANY (ARRAY[''received''::varchar, ''picked''::varchar, '
                 || '''adjusted''::varchar, ''status_changed''::varchar, ''expired''::varchar, '
                 || '''disposed''::varchar, ''returned''::varchar, ''corrected''::varchar, '
                 || '''transferred''::varchar])'),
            ('check', 'product_batch_tracks', 'product_batch_tracks_actor_name_not_blank',
             'pg_catalog.btrim(actor_name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'idempotency_keys', 'idempotency_keys_key_not_blank',
             'pg_catalog.btrim(idempotency_key) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'warehouses', 'warehouses_code_not_blank',
             'pg_catalog.btrim(code) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'warehouses', 'warehouses_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'locations', 'locations_code_not_blank',
             'pg_catalog.btrim(code) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'locations', 'locations_name_not_blank',
             'pg_catalog.btrim(name) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'reservations', 'reservations_reference_not_blank',
             'pg_catalog.btrim(reference) OPERATOR(pg_catalog.<>) '''''),
            ('check', 'reservations', 'reservations_status_known',
             'status OPERATOR(pg_catalog.=) ANY (ARRAY[''open''::varchar, ''consumed''::varchar, '
                 || '''cancelled''::varchar, ''expired''::varchar])'),
            ('check', 'cycle_counts', 'cycle_counts_status_known',
             'status OPERATOR(pg_catalog.=) ANY (ARRAY[''open''::varchar, ''posted''::varchar, '
                 || '''cancelled''::varchar])'),
            ('check', 'cycle_counts', 'cycle_counts_closed_pair',
             '(status OPERATOR(pg_catalog.=) ''open'') OPERATOR(pg_catalog.=) (closed_at IS NULL)')
          ) AS objects (kind, table_name, object_name, definition)
    LOOP
        IF item.kind = 'index' THEN
            catalog := 'pg_catalog.pg_class'::regclass;
            target := pg_catalog.to_regclass(pg_catalog.format('%I.%I', wms_schema, item.object_name));
        ELSE
            catalog := 'pg_catalog.pg_constraint'::regclass;
            SELECT k.oid INTO target
              FROM pg_catalog.pg_constraint k
             WHERE k.conrelid = pg_catalog.to_regclass(pg_catalog.format('%I.%I', wms_schema, item.table_name))
               AND k.conname = item.object_name;
        END IF;
        SELECT pg_catalog.string_agg(pg_catalog.pg_describe_object(d.refclassid, d.refobjid, 0), ', ') INTO captured
          FROM pg_catalog.pg_depend d
         WHERE d.classid = catalog AND d.objid = target
           AND (d.refclassid = 'pg_catalog.pg_proc'::regclass
                    AND d.refobjid IN (SELECT p.oid FROM pg_catalog.pg_proc p
                                        WHERE p.pronamespace <> 'pg_catalog'::regnamespace)
                OR d.refclassid = 'pg_catalog.pg_operator'::regclass
                    AND d.refobjid IN (SELECT o.oid FROM pg_catalog.pg_operator o
                                        WHERE o.oprnamespace <> 'pg_catalog'::regnamespace));
        CONTINUE WHEN captured IS NULL;
        RAISE WARNING '%.% called % from outside pg_catalog: made again with pg_catalog''s', wms_schema,
            item.object_name, captured;
        IF item.kind = 'index' THEN
            EXECUTE pg_catalog.format('DROP INDEX %I.%I', wms_schema, item.object_name);
            EXECUTE pg_catalog.format(item.definition, wms_schema);
        ELSE
            EXECUTE pg_catalog.format('ALTER TABLE %I.%I DROP CONSTRAINT %I, ADD CONSTRAINT %I CHECK (%s)',
                                      wms_schema, item.table_name, item.object_name, item.object_name,
                                      item.definition);
        END IF;
    END LOOP;
END
$$;
