-- Where stock is: warehouses, the places inside them (zones, aisles, bins: a hierarchy of any depth), and stock held
-- per batch and location.
--
-- How a batch's quantity stays the sum over its locations. product_batches.quantity stays the batch's quantity, and
-- batch_locations.quantity splits it over locations. Two triggers keep them equal:
--   * wms_place_batch_quantity (after a batch is inserted or its quantity changes) places the difference between the
--     batch's quantity and the sum over its locations in the default location (of the default warehouse). Every
--     writer that knows nothing of locations (the movements of a host that keeps one location, the seeders, the
--     synthetic-data generator's COPY, a host's own import) so keeps working, on the default location; a location-
--     aware statement changes the batch and its locations in the same statement, so that the sum already agrees and
--     the trigger places nothing. A difference that would take the default location below zero is refused by
--     batch_locations_quantity_not_negative.
--   * wms_check_batch_sum, a constraint trigger on batch_locations, refuses (SQLSTATE WMS02) any change of a
--     batch's locations that leaves their sum unequal to the batch's quantity. It is checked at the end of each
--     statement (INITIALLY IMMEDIATE), so that the library's single-statement movements fail at once; a host that
--     moves stock in several statements may SET CONSTRAINTS batch_locations_sum_matches_batch DEFERRED.
-- The database maintains the placement rather than refusing every unplaced change because refusing would break every
-- writer that predates locations, and the one place the difference can go is the default location, where all stock
-- of a host that has no use for locations is.
--
-- The default warehouse ('MAIN') and its default location ('DEFAULT') are created here, and every batch with stock
-- gets one batch_locations row there. The ledger is not rewritten: its rows written before this migration name no
-- location (location_id NULL), and mean the default location, where their stock now is; the ledger check reads them
-- so. Every new row that moves a quantity names its location (product_batch_tracks_location_named, NOT VALID so
-- that it binds new rows only); wms_name_ledger_location fills in the default location for writers that name none.
--
-- Moving a location in the hierarchy must not make it its own ancestor: wms_refuse_location_cycle (SQLSTATE WMS03)
-- walks the new parent's ancestors, after locking the warehouse's row so that two concurrent moves in one warehouse
-- cannot each pass the check and close a cycle together.
--
-- product_batch_tracks.location_id has no index of its own: every movement would pay for one more B-tree insert
-- (see V13), and only deleting a location would read it; a location named by the ledger cannot be deleted anyway,
-- since its ON DELETE SET NULL is an update the append-only guard refuses.

CREATE TABLE "${flyway:defaultSchema}".warehouses
(
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       varchar(50)  NOT NULL,
    name       varchar(255) NOT NULL,
    is_default boolean      NOT NULL DEFAULT false,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    version    bigint       NOT NULL DEFAULT 1,
    CONSTRAINT warehouses_code_key UNIQUE (code),
    CONSTRAINT warehouses_code_not_blank CHECK (btrim(code) <> ''),
    CONSTRAINT warehouses_name_not_blank CHECK (btrim(name) <> '')
);

COMMENT ON COLUMN "${flyway:defaultSchema}".warehouses.is_default IS
    'The one warehouse whose default location holds the stock of calls that name no location.';

CREATE UNIQUE INDEX warehouses_one_default ON "${flyway:defaultSchema}".warehouses (is_default) WHERE is_default;

CREATE TRIGGER warehouses_touch
    BEFORE UPDATE ON "${flyway:defaultSchema}".warehouses
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".wms_touch_row();

CREATE TABLE "${flyway:defaultSchema}".locations
(
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id  bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".warehouses (id) ON DELETE CASCADE,
    parent_id     bigint,
    code          varchar(50)  NOT NULL,
    name          varchar(255),
    active        boolean      NOT NULL DEFAULT true,
    pick_sequence integer,
    is_default    boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 1,
    CONSTRAINT locations_code_key UNIQUE (warehouse_id, code),
    -- The target of locations_parent_fkey, which keeps a location's parent in its own warehouse.
    CONSTRAINT locations_warehouse_id_id_key UNIQUE (warehouse_id, id),
    CONSTRAINT locations_parent_fkey FOREIGN KEY (warehouse_id, parent_id)
        REFERENCES "${flyway:defaultSchema}".locations (warehouse_id, id) ON DELETE CASCADE,
    CONSTRAINT locations_code_not_blank CHECK (btrim(code) <> ''),
    CONSTRAINT locations_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT locations_not_own_parent CHECK (parent_id <> id),
    CONSTRAINT locations_pick_sequence_not_negative CHECK (pick_sequence >= 0),
    CONSTRAINT locations_default_active CHECK (active OR NOT is_default)
);

COMMENT ON COLUMN "${flyway:defaultSchema}".locations.pick_sequence IS
    'Where the location comes on a picker''s walk: among batches that expire alike, lower sequences are picked first.';
COMMENT ON COLUMN "${flyway:defaultSchema}".locations.is_default IS
    'The warehouse''s one location for stock that calls naming no location receive, pick and adjust.';

CREATE UNIQUE INDEX locations_one_default
    ON "${flyway:defaultSchema}".locations (warehouse_id) WHERE is_default;
-- The children of a location, and the ON DELETE CASCADE of its parent.
CREATE INDEX idx_locations_parent ON "${flyway:defaultSchema}".locations (parent_id);

CREATE TRIGGER locations_touch
    BEFORE UPDATE ON "${flyway:defaultSchema}".locations
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".wms_touch_row();

CREATE TABLE "${flyway:defaultSchema}".batch_locations
(
    product_batch_id bigint  NOT NULL REFERENCES "${flyway:defaultSchema}".product_batches (id) ON DELETE CASCADE,
    location_id      bigint  NOT NULL REFERENCES "${flyway:defaultSchema}".locations (id) ON DELETE CASCADE,
    quantity         integer NOT NULL DEFAULT 0,
    CONSTRAINT batch_locations_pkey PRIMARY KEY (product_batch_id, location_id),
    CONSTRAINT batch_locations_quantity_not_negative CHECK (quantity >= 0)
) WITH (fillfactor = 90);

COMMENT ON TABLE "${flyway:defaultSchema}".batch_locations IS
    'The units of a batch at a location. A batch''s quantity is the sum of its rows here.';

-- What a location holds (deactivation, counts); the primary key serves a batch's locations.
CREATE INDEX idx_batch_locations_location ON "${flyway:defaultSchema}".batch_locations (location_id, product_batch_id);

ALTER TABLE "${flyway:defaultSchema}".product_batch_tracks
    ADD COLUMN location_id bigint REFERENCES "${flyway:defaultSchema}".locations (id) ON DELETE SET NULL,
    DROP CONSTRAINT product_batch_tracks_action_known,
    ADD CONSTRAINT product_batch_tracks_action_known
        CHECK (action IN ('received', 'picked', 'adjusted', 'status_changed', 'expired', 'disposed', 'returned',
                          'corrected', 'transferred'));
ALTER TABLE "${flyway:defaultSchema}".product_batch_tracks
    ADD CONSTRAINT product_batch_tracks_location_named
        CHECK (quantity_change IS NULL OR location_id IS NOT NULL) NOT VALID;

COMMENT ON COLUMN "${flyway:defaultSchema}".product_batch_tracks.location_id IS
    'The location whose units the row moved; NULL on rows that move none, and on rows written before V14, which '
    'moved the units now in the default location.';

INSERT INTO "${flyway:defaultSchema}".warehouses (code, name, is_default) VALUES ('MAIN', 'Main warehouse', true);
INSERT INTO "${flyway:defaultSchema}".locations (warehouse_id, code, name, is_default)
SELECT id, 'DEFAULT', 'Default location', true FROM "${flyway:defaultSchema}".warehouses WHERE is_default;
INSERT INTO "${flyway:defaultSchema}".batch_locations (product_batch_id, location_id, quantity)
SELECT b.id, l.id, b.quantity
  FROM "${flyway:defaultSchema}".product_batches b
       CROSS JOIN "${flyway:defaultSchema}".locations l
 WHERE l.is_default AND b.quantity > 0;

CREATE FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity() RETURNS trigger
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

CREATE TRIGGER product_batches_place_inserted
    AFTER INSERT ON "${flyway:defaultSchema}".product_batches
    FOR EACH ROW WHEN (NEW.quantity <> 0)
EXECUTE FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity();

CREATE TRIGGER product_batches_place_changed
    AFTER UPDATE OF quantity ON "${flyway:defaultSchema}".product_batches
    FOR EACH ROW WHEN (NEW.quantity IS DISTINCT FROM OLD.quantity)
EXECUTE FUNCTION "${flyway:defaultSchema}".wms_place_batch_quantity();

CREATE FUNCTION "${flyway:defaultSchema}".wms_check_batch_sum() RETURNS trigger
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

CREATE CONSTRAINT TRIGGER batch_locations_sum_matches_batch
    AFTER INSERT OR UPDATE OR DELETE ON "${flyway:defaultSchema}".batch_locations
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".wms_check_batch_sum();

CREATE FUNCTION "${flyway:defaultSchema}".wms_name_ledger_location() RETURNS trigger
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

CREATE TRIGGER product_batch_tracks_name_location
    BEFORE INSERT ON "${flyway:defaultSchema}".product_batch_tracks
    FOR EACH ROW WHEN (NEW.location_id IS NULL AND NEW.quantity_change IS NOT NULL)
EXECUTE FUNCTION "${flyway:defaultSchema}".wms_name_ledger_location();

CREATE FUNCTION "${flyway:defaultSchema}".wms_refuse_location_cycle() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    cycle boolean;
BEGIN
    EXECUTE pg_catalog.format('SELECT 1 FROM %I.warehouses WHERE id = $1 FOR NO KEY UPDATE', TG_TABLE_SCHEMA)
        USING NEW.warehouse_id;
    -- UNION, not UNION ALL: the walk ends even in a hierarchy that a deferred change left cyclic.
    EXECUTE pg_catalog.format('WITH RECURSIVE up (id, parent_id) AS ('
                                  || 'SELECT id, parent_id FROM %I.locations WHERE id = $1 '
                                  || 'UNION SELECT l.id, l.parent_id FROM %I.locations l JOIN up ON l.id = up.parent_id) '
                                  || 'SELECT EXISTS (SELECT 1 FROM up WHERE id = $2)', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
        INTO cycle USING NEW.parent_id, NEW.id;
    IF cycle THEN
        RAISE EXCEPTION 'location % cannot move under %, which lies inside it', NEW.id, NEW.parent_id
            USING ERRCODE = 'WMS03', COLUMN = 'parent_id', TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER locations_no_cycle
    BEFORE UPDATE OF parent_id ON "${flyway:defaultSchema}".locations
    FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL AND NEW.parent_id IS DISTINCT FROM OLD.parent_id)
EXECUTE FUNCTION "${flyway:defaultSchema}".wms_refuse_location_cycle();

-- The append-only guard lets a hard-deleted user's rows lose their user_id and nothing else; location_id joins the
-- columns that must stay as they were. Same definition as V10 otherwise.
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
