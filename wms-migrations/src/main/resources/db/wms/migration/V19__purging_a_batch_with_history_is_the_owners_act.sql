-- Only the owner of the wms tables may purge a batch that has ledger rows: the application role can no longer
-- delete a batch's history.
--
-- Purging (hard-deleting) a batch takes its ledger rows with it (ON DELETE CASCADE), and V4's guard let that delete
-- through for whoever deleted the batch. So the application role, with nothing but DELETE on product_batches, could
-- purge a batch, insert it again under its old id (OVERRIDING SYSTEM VALUE needs only INSERT), and write new ledger
-- rows for it under old ids and times: the ledger check then found nothing wrong. The grants of the application role
-- now keep ids and ledger times the database's own (grant-application-role.sql: no INSERT of identity columns, nor
-- of product_batch_tracks.created_at), and here the guard refuses the cascade (SQLSTATE WMS04) unless the session's
-- user is a member of the ledger's owner role, superusers included. It asks about session_user because PostgreSQL
-- runs the cascade as the ledger's owner, whoever deleted the batch. A batch without ledger rows, and a soft delete,
-- stay anyone's with DELETE or UPDATE rights; a purge of a product reaches the ledger through its batches and is
-- refused alike.
--
-- Same definition as V14 otherwise. U19 restores V14's.

CREATE OR REPLACE FUNCTION "${flyway:defaultSchema}".wms_guard_ledger() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    referenced boolean;
    ledger_owner oid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.product_batches WHERE id = $1)', TG_TABLE_SCHEMA)
            INTO referenced USING OLD.product_batch_id;
        IF NOT referenced THEN
            SELECT c.relowner INTO ledger_owner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID;
            IF pg_catalog.pg_has_role(session_user, ledger_owner, 'MEMBER') THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'batch % has ledger rows: only the owner of %.% may purge it with its history',
                OLD.product_batch_id, TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'WMS04', TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                    HINT = 'Hide the batch (soft delete) instead, or purge it as the owner of the wms tables.';
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
