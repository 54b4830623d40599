-- The ledger cannot be rewritten, by this library or by any other client of the database.
--
-- UPDATE and DELETE of product_batch_tracks rows are refused, with two exceptions that the schema's own delete
-- rules need: a batch that is purged (hard-deleted) takes its rows with it, and a user who is hard-deleted leaves
-- user_id NULL on the rows that named them. A correction is always a new, compensating row.

CREATE FUNCTION wms_guard_ledger() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM product_batches WHERE id = OLD.product_batch_id) THEN
            RETURN OLD;
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.user_id IS NULL
            AND OLD.user_id IS NOT NULL
            AND (NEW.id, NEW.product_batch_id, NEW.action, NEW.description, NEW.quantity_change,
                 NEW.quantity_after, NEW.created_at)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.product_batch_id, OLD.action, OLD.description, OLD.quantity_change,
                 OLD.quantity_after, OLD.created_at)
            AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'product_batch_tracks is append-only: % of ledger row % refused', TG_OP, OLD.id
        USING ERRCODE = 'WMS01',
            HINT = 'Record a compensating row instead of changing history.';
END;
$$;

CREATE TRIGGER product_batch_tracks_append_only
    BEFORE UPDATE OR DELETE ON product_batch_tracks
    FOR EACH ROW EXECUTE FUNCTION wms_guard_ledger();

CREATE FUNCTION wms_refuse_ledger_truncate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'product_batch_tracks is append-only: TRUNCATE refused'
        USING ERRCODE = 'WMS01';
END;
$$;

CREATE TRIGGER product_batch_tracks_no_truncate
    BEFORE TRUNCATE ON product_batch_tracks
    FOR EACH STATEMENT EXECUTE FUNCTION wms_refuse_ledger_truncate();
