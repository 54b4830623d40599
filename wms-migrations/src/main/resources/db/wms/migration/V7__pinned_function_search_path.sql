-- Every function of the schema names its tables and functions with their schema and runs with a fixed search_path.
--
-- V1 and V4 left the trigger functions to resolve names through the caller's search_path, where pg_temp comes first
-- for tables. A session that created a temporary table named product_batches (or users) made wms_guard_ledger look
-- there, find no row, and allow DELETE (or UPDATE) of any ledger row: the append-only rule was bypassed by anyone with
-- plain DELETE rights. Here each function is replaced with the same logic, every table qualified with the schema of
-- the table whose trigger fired (TG_TABLE_SCHEMA, so that the functions keep working when an installation is moved
-- into another schema), and search_path pinned to pg_catalog then pg_temp: built-in functions and operators come
-- from pg_catalog, and no temporary object can stand in for a schema object because none is named without its schema.
--
-- CREATE OR REPLACE keeps each function's identity, so the triggers of V1 and V4 use the new definitions unchanged.
-- U7 restores the definitions of V1 and V4.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_touch_row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    -- A no-op UPDATE (every column equal) must not look like a change to optimistic readers.
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := pg_catalog.now();
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_guard_ledger() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    referenced boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.product_batches WHERE id = $1)', TG_TABLE_SCHEMA)
            INTO referenced USING OLD.product_batch_id;
        IF NOT referenced THEN
            RETURN OLD;
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.users WHERE id = $1)', TG_TABLE_SCHEMA)
            INTO referenced USING OLD.user_id;
        IF NEW.user_id IS NULL
            AND OLD.user_id IS NOT NULL
            AND (NEW.id, NEW.product_batch_id, NEW.action, NEW.description, NEW.quantity_change,
                 NEW.quantity_after, NEW.created_at)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.product_batch_id, OLD.action, OLD.description, OLD.quantity_change,
                 OLD.quantity_after, OLD.created_at)
            AND NOT referenced THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'product_batch_tracks is append-only: % of ledger row % refused', TG_OP, OLD.id
        USING ERRCODE = 'WMS01',
            HINT = 'Record a compensating row instead of changing history.';
END;
$$;

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_refuse_ledger_truncate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RAISE EXCEPTION 'product_batch_tracks is append-only: TRUNCATE refused'
        USING ERRCODE = 'WMS01';
END;
$$;
