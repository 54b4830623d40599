-- Reverses V14: drops warehouses, locations and stock per location, and the ledger's location_id. Batches keep their
-- quantities, which were always the sum over their locations.
--
-- What only these tables know is lost: where each batch's units are, and the locations the ledger names. Undo
-- therefore counts as rows to lose only those beyond what V14 itself made: the warehouses and locations that are not
-- the defaults, and the units outside the default location (declared in io.wms.migration.DroppedTables).
-- Fails, leaving the schema as it is, while the append-only ledger holds 'transferred' rows: they cannot be removed.

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
                 NEW.quantity_after, NEW.created_at, NEW.actor_name)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.product_batch_id, OLD.action, OLD.description, OLD.quantity_change,
                 OLD.quantity_after, OLD.created_at, OLD.actor_name)
            AND NOT referenced THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'product_batch_tracks is append-only: % of ledger row % refused', TG_OP, OLD.id
        USING ERRCODE = 'WMS01',
            HINT = 'Record a compensating row instead of changing history.';
END;
$$;

DROP TRIGGER product_batch_tracks_name_location ON "${flyway:defaultSchema}".product_batch_tracks;
DROP FUNCTION "${flyway:defaultSchema}".wms_name_ledger_location();
ALTER TABLE "${flyway:defaultSchema}".product_batch_tracks
    DROP CONSTRAINT product_batch_tracks_location_named,
    DROP COLUMN location_id,
    DROP CONSTRAINT product_batch_tracks_action_known,
    ADD CONSTRAINT product_batch_tracks_action_known
        CHECK (action IN ('received', 'picked', 'adjusted', 'status_changed', 'expired', 'disposed', 'returned',
                          'corrected'));

DROP TRIGGER product_batches_place_inserted ON "${flyway:defaultSchema}".product_batches;
DROP TRIGGER product_batches_place_changed ON "${flyway:defaultSchema}".product_batches;
DROP FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity();

DROP TABLE "${flyway:defaultSchema}".batch_locations;
DROP FUNCTION "${flyway:defaultSchema}".wms_check_batch_sum();
DROP TABLE "${flyway:defaultSchema}".locations;
DROP FUNCTION "${flyway:defaultSchema}".wms_refuse_location_cycle();
DROP TABLE "${flyway:defaultSchema}".warehouses;
