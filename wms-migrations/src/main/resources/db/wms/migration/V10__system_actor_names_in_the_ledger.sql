-- A ledger row written by a system actor (a seeder, the expiry sweep, a host's import job) had user_id NULL and
-- named nobody. actor_name records that actor's name. A user's row is named by user_id alone: their e-mail is personal
-- data, and an append-only table could never erase it. So a row names a user or a system actor, never both; a row
-- whose user was hard-deleted since names neither, as before.
ALTER TABLE product_batch_tracks
    ADD COLUMN actor_name varchar(100),
    ADD CONSTRAINT product_batch_tracks_one_actor CHECK (user_id IS NULL OR actor_name IS NULL),
    ADD CONSTRAINT product_batch_tracks_actor_name_not_blank CHECK (btrim(actor_name) <> '');

COMMENT ON COLUMN product_batch_tracks.actor_name IS
    'The system actor that wrote the row (for example expiry-sweep); NULL when a user did, whom user_id names.';

-- The append-only guard lets a hard-deleted user's rows lose their user_id and nothing else; actor_name joins the
-- columns that must stay as they were. Same definition as V7 otherwise (tables qualified by TG_TABLE_SCHEMA).
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
