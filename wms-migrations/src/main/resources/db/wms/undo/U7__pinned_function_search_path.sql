-- Reverses V7: restores the definitions of V1 (wms_touch_row) and V4 (wms_guard_ledger, wms_refuse_ledger_truncate),
-- which resolve names through the caller's search_path. CREATE OR REPLACE without a SET clause also drops the pinned
-- search_path.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_touch_row() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- A no-op UPDATE (every column equal) must not look like a change to optimistic readers.
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := now();
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_guard_ledger() RETURNS trigger
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

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_refuse_ledger_truncate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'product_batch_tracks is append-only: TRUNCATE refused'
        USING ERRCODE = 'WMS01';
END;
$$;
