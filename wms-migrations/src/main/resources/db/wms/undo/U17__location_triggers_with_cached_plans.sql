-- Reverses V17: the definitions of V14, which build each query as text and run it with EXECUTE.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    placed   bigint;
    unplaced bigint;
    fallback bigint;
    moved    bigint;
BEGIN
    EXECUTE pg_catalog.format(
            'SELECT coalesce(sum(quantity), 0) FROM %I.batch_locations WHERE product_batch_id = $1', TG_TABLE_SCHEMA)
        INTO placed USING NEW.id;
    unplaced := NEW.quantity - placed;
    IF unplaced <> 0 THEN
        EXECUTE pg_catalog.format('SELECT l.id FROM %I.locations l JOIN %I.warehouses w ON w.id = l.warehouse_id '
                                      || 'WHERE w.is_default AND l.is_default', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
            INTO fallback;
        IF fallback IS NULL THEN
            RAISE EXCEPTION 'batch % has % units in no location, and there is no default location', NEW.id, unplaced
                USING ERRCODE = 'WMS02';
        END IF;
        -- Update first: an insert's row is checked before its conflict is found, so a negative difference could
        -- never reach the existing row through INSERT ... ON CONFLICT.
        EXECUTE pg_catalog.format('UPDATE %I.batch_locations SET quantity = quantity + $3 '
                                      || 'WHERE product_batch_id = $1 AND location_id = $2', TG_TABLE_SCHEMA)
            USING NEW.id, fallback, unplaced;
        GET DIAGNOSTICS moved = ROW_COUNT;
        IF moved = 0 THEN
            EXECUTE pg_catalog.format('INSERT INTO %I.batch_locations (product_batch_id, location_id, quantity) '
                                          || 'VALUES ($1, $2, $3)', TG_TABLE_SCHEMA)
                USING NEW.id, fallback, unplaced;
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
    batch_id  bigint;
    recorded  integer;
    placed    bigint;
BEGIN
    batch_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_batch_id ELSE NEW.product_batch_id END;
    EXECUTE pg_catalog.format('SELECT quantity FROM %I.product_batches WHERE id = $1', TG_TABLE_SCHEMA)
        INTO recorded USING batch_id;
    -- A purged batch takes its locations with it.
    IF recorded IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE pg_catalog.format(
            'SELECT coalesce(sum(quantity), 0) FROM %I.batch_locations WHERE product_batch_id = $1', TG_TABLE_SCHEMA)
        INTO placed USING batch_id;
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
    EXECUTE pg_catalog.format('SELECT l.id FROM %I.locations l JOIN %I.warehouses w ON w.id = l.warehouse_id '
                                  || 'WHERE w.is_default AND l.is_default', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
        INTO NEW.location_id;
    RETURN NEW;
END;
$$;
