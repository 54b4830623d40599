-- The triggers that keep a batch's quantity equal to the sum over its locations (V14) run their queries with cached
-- plans.
--
-- V14 wrote them as V7 taught: every query built as text with the schema of the firing table (TG_TABLE_SCHEMA) and
-- run with EXECUTE, so that no temporary table can stand in for a schema table and an installation can move to
-- another schema. EXECUTE parses and plans its text on every call, and these triggers fire on every row a movement
-- or a load writes: measured on the synthetic generator's COPY of 50,000 batches, the placement trigger alone made
-- it 25 times slower (0.9 s without it, 23.5 s with it), and every pick and receipt paid two or three such plans.
--
-- Here each function points search_path at the firing table's schema for its own duration, and then names the tables
-- without a schema, in static SQL whose plans PL/pgSQL prepares once per session and reuses. The safety of V7 holds:
--   * the function keeps its pinned search_path (pg_catalog, pg_temp); set_config(..., true) inside a function that
--     has a SET clause lasts until the function returns, when PostgreSQL restores the pinned value, so the caller's
--     session is never changed;
--   * the path set inside is pg_catalog, the firing table's schema, then pg_temp, explicitly last: a temporary table
--     named like a schema table is found only after the schema's own, that is never;
--   * the schema comes from TG_TABLE_SCHEMA, quoted, so the functions keep working after a move to another schema.
-- A plan is reused only while the search_path it was made under is current (PostgreSQL re-plans otherwise), so two
-- installations in two schemas of one database each get plans of their own tables.
--
-- U17 restores the definitions of V14.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    unplaced bigint;
    fallback bigint;
BEGIN
    PERFORM pg_catalog.set_config('search_path',
                                  'pg_catalog, ' || pg_catalog.quote_ident(TG_TABLE_SCHEMA) || ', pg_temp', true);
    SELECT NEW.quantity - coalesce(sum(quantity), 0) INTO unplaced
      FROM batch_locations WHERE product_batch_id = NEW.id;
    IF unplaced <> 0 THEN
        SELECT l.id INTO fallback
          FROM locations l JOIN warehouses w ON w.id = l.warehouse_id
         WHERE w.is_default AND l.is_default;
        IF fallback IS NULL THEN
            RAISE EXCEPTION 'batch % has % units in no location, and there is no default location', NEW.id, unplaced
                USING ERRCODE = 'WMS02';
        END IF;
        -- Update first: an insert's row is checked before its conflict is found, so a negative difference could
        -- never reach the existing row through INSERT ... ON CONFLICT.
        UPDATE batch_locations SET quantity = quantity + unplaced
         WHERE product_batch_id = NEW.id AND location_id = fallback;
        IF NOT FOUND THEN
            INSERT INTO batch_locations (product_batch_id, location_id, quantity) VALUES (NEW.id, fallback, unplaced);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_check_batch_sum() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    batch_id bigint;
    recorded integer;
    placed   bigint;
BEGIN
    PERFORM pg_catalog.set_config('search_path',
                                  'pg_catalog, ' || pg_catalog.quote_ident(TG_TABLE_SCHEMA) || ', pg_temp', true);
    batch_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_batch_id ELSE NEW.product_batch_id END;
    SELECT b.quantity INTO recorded FROM product_batches b WHERE b.id = batch_id;
    -- A purged batch takes its locations with it.
    IF recorded IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(bl.quantity), 0) INTO placed FROM batch_locations bl WHERE bl.product_batch_id = batch_id;
    IF placed <> recorded THEN
        RAISE EXCEPTION 'batch % holds % units, but its locations hold %', batch_id, recorded, placed
            USING ERRCODE = 'WMS02', CONSTRAINT = 'batch_locations_sum_matches_batch',
                HINT = 'Change the batch''s quantity and its locations together.';
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_name_ledger_location() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    PERFORM pg_catalog.set_config('search_path',
                                  'pg_catalog, ' || pg_catalog.quote_ident(TG_TABLE_SCHEMA) || ', pg_temp', true);
    SELECT l.id INTO NEW.location_id
      FROM locations l JOIN warehouses w ON w.id = l.warehouse_id
     WHERE w.is_default AND l.is_default;
    RETURN NEW;
END;
$$;
