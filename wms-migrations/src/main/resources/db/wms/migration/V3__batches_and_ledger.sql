-- Stock: product batches and their ledger (seed: "Product Batches Table", "Product Batch Tracking Table").
--
-- Corrections to the seed, each explained in wms-migrations/README.md:
--   * product_id and product_batch_id are NOT NULL, as the seed's Go models already say;
--   * quantity >= 0, a closed set of statuses, expiry not before manufacturing, and a batch number unique
--     within its product among live batches;
--   * the seed's "WHERE expiry_date < NOW()" index is invalid (index predicates must be immutable): the
--     expired-batches query is served by idx_product_batches_active_expiry instead;
--   * product_batch_tracks is the stock ledger: quantity_change and quantity_after prove every quantity,
--     and the rows are append-only (see V4);
--   * indexes that a composite index with the same leading column already serves are left out.

CREATE TABLE product_batches
(
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id         bigint       NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    batch_number       varchar(255) NOT NULL,
    quantity           integer      NOT NULL DEFAULT 0,
    manufacturing_date date,
    expiry_date        date,
    status             varchar(50)  NOT NULL DEFAULT 'active',
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    created_by         bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_by         bigint REFERENCES users (id) ON DELETE SET NULL,
    version            bigint       NOT NULL DEFAULT 1,
    CONSTRAINT product_batches_quantity_not_negative CHECK (quantity >= 0),
    CONSTRAINT product_batches_status_known
        CHECK (status IN ('active', 'quarantined', 'expired', 'depleted', 'recalled')),
    CONSTRAINT product_batches_expiry_after_manufacturing CHECK (expiry_date >= manufacturing_date),
    CONSTRAINT product_batches_batch_number_not_blank CHECK (btrim(batch_number) <> '')
);

COMMENT ON COLUMN product_batches.status IS
    'Lifecycle: active, quarantined (on hold), recalled (final), expired, depleted (quantity reached 0).';

-- Also serves every look-up by product_id, so the seed's idx_product_batches_product_id is left out.
CREATE UNIQUE INDEX product_batches_batch_number_live_key
    ON product_batches (product_id, batch_number) WHERE deleted_at IS NULL;
CREATE INDEX idx_product_batches_batch_number ON product_batches (batch_number);
CREATE INDEX idx_product_batches_status ON product_batches (status);
CREATE INDEX idx_product_batches_expiry_date ON product_batches (expiry_date);
CREATE INDEX idx_product_batches_product_status ON product_batches (product_id, status);
-- Expired and expiring active stock (replaces the seed's invalid "WHERE expiry_date < NOW()" index and its
-- idx_product_batches_expiry_status, whose status column was constant under its own predicate).
CREATE INDEX idx_product_batches_active_expiry ON product_batches (expiry_date) WHERE status = 'active';
-- First-expired, first-out allocation: a product's pickable batches in pick order.
CREATE INDEX idx_active_batches
    ON product_batches (product_id, expiry_date, id) WHERE status = 'active' AND deleted_at IS NULL;

CREATE TRIGGER product_batches_touch
    BEFORE UPDATE ON product_batches
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();

CREATE TABLE product_batch_tracks
(
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_batch_id bigint      NOT NULL REFERENCES product_batches (id) ON DELETE CASCADE,
    user_id          bigint REFERENCES users (id) ON DELETE SET NULL,
    action           varchar(50) NOT NULL,
    description      text,
    quantity_change  integer,
    quantity_after   integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_batch_tracks_action_known
        CHECK (action IN ('received', 'picked', 'adjusted', 'status_changed', 'expired', 'disposed', 'returned')),
    CONSTRAINT product_batch_tracks_quantity_after_not_negative CHECK (quantity_after >= 0),
    CONSTRAINT product_batch_tracks_quantity_pair
        CHECK ((quantity_change IS NULL) = (quantity_after IS NULL))
);

COMMENT ON TABLE product_batch_tracks IS
    'The stock ledger: one append-only row per change of a batch. A batch''s quantity is the sum of its quantity_change.';

-- The seed's idx_product_batch_tracks_batch_id is left out: the composites below lead with product_batch_id.
CREATE INDEX idx_pbt_batch_action ON product_batch_tracks (product_batch_id, action);
CREATE INDEX idx_pbt_batch_created ON product_batch_tracks (product_batch_id, created_at DESC, id DESC);
CREATE INDEX idx_pbt_batch_user_action ON product_batch_tracks (product_batch_id, user_id, action);
CREATE INDEX idx_product_batch_tracks_user_id ON product_batch_tracks (user_id, created_at DESC, id DESC);
CREATE INDEX idx_product_batch_tracks_action ON product_batch_tracks (action, created_at DESC, id DESC);
-- Also serves the seed's idx_pbt_created_desc: a B-tree is read in either direction.
CREATE INDEX idx_product_batch_tracks_created_at ON product_batch_tracks (created_at);
