-- Undoes V19: restores V14's append-only guard, which lets whoever deletes a batch take its ledger rows with it.

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
                 NEW.quantity_after, NEW.created_at, NEW.actor_name, NEW.location_id)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.product_batch_id, OLD.action, OLD.description, OLD.quantity_change,
                 OLD.quantity_after, OLD.created_at, OLD.actor_name, OLD.location_id)
            AND NOT referenced THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'product_batch_tracks is append-only: % of ledger row % refused', TG_OP, OLD.id
        USING ERRCODE = 'WMS01',
            HINT = 'Record a compensating row instead of changing history.';
END;
$$;
