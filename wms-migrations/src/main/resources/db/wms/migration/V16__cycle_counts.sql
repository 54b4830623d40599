-- Cycle counts: counting a location, or a product within a warehouse, while picking goes on.
--
-- A count (cycle_counts) has one scope: a location (location_id, in its warehouse), or a product within a warehouse
-- (product_id). Starting it snapshots one line (cycle_count_lines) per batch and location in scope that holds units:
-- the units the system held there (expected_quantity) and the ledger position they were read at (ledger_position:
-- the ledger's highest row id when the line was snapshotted). The snapshot first takes a shared lock of those batches
-- and then of their batch_locations rows (a batch before its units, as every movement locks them), so that every
-- movement in flight there has committed, its ledger rows with it, when the next statement reads them; and since
-- every writer of a batch's stock takes the batch's lock before it draws a ledger row id, the ledger rows of a line's
-- batch at its location up to the position are exactly those that make expected_quantity, and every later one comes
-- after it. The locks last only as long as the start's transaction; the count itself holds none.
--
-- Counting records counted_quantity per line; a batch found at a place in scope without a line gets a line of its
-- own, snapshotted when it is recorded. Posting adjusts each counted line by counted - expected: the movements since
-- the snapshot are already in the current quantity, so the new quantity is current + (counted - expected), and a
-- pick between start and post is not counted twice. The adjustments are ledger rows 'adjusted' with the reason
-- STOCK_COUNT naming the count; this table keeps no copy of them.
--
-- Lines belong to their count (ON DELETE CASCADE); a purged batch, product, location or warehouse takes its counts'
-- lines and counts with it, as it takes its stock.

CREATE TABLE "${flyway:defaultSchema}".cycle_counts
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id    bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".warehouses (id) ON DELETE CASCADE,
    location_id     bigint,
    product_id      bigint REFERENCES "${flyway:defaultSchema}".products (id) ON DELETE CASCADE,
    blind           boolean      NOT NULL,
    status          varchar(20)  NOT NULL DEFAULT 'open',
    started_by      bigint REFERENCES "${flyway:defaultSchema}".users (id) ON DELETE SET NULL,
    started_by_name varchar(255) NOT NULL,
    started_at      timestamptz  NOT NULL DEFAULT now(),
    closed_by_name  varchar(255),
    closed_at       timestamptz,
    -- A location count's location lies in the count's warehouse.
    CONSTRAINT cycle_counts_location_fkey FOREIGN KEY (warehouse_id, location_id)
        REFERENCES "${flyway:defaultSchema}".locations (warehouse_id, id) ON DELETE CASCADE,
    CONSTRAINT cycle_counts_status_known CHECK (status IN ('open', 'posted', 'cancelled')),
    CONSTRAINT cycle_counts_one_scope CHECK ((location_id IS NULL) <> (product_id IS NULL)),
    CONSTRAINT cycle_counts_closed_pair CHECK ((status = 'open') = (closed_at IS NULL))
);

COMMENT ON COLUMN "${flyway:defaultSchema}".cycle_counts.blind IS
    'A blind count''s sheet shows the counter no expected quantity, unless the reader may adjust stock.';

-- The counts of a location, and the ON DELETE CASCADE of a location or warehouse.
CREATE INDEX idx_cycle_counts_location ON "${flyway:defaultSchema}".cycle_counts (warehouse_id, location_id);
CREATE INDEX idx_cycle_counts_product ON "${flyway:defaultSchema}".cycle_counts (product_id);

CREATE TABLE "${flyway:defaultSchema}".cycle_count_lines
(
    cycle_count_id    bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".cycle_counts (id) ON DELETE CASCADE,
    product_batch_id  bigint       NOT NULL
        REFERENCES "${flyway:defaultSchema}".product_batches (id) ON DELETE CASCADE,
    location_id       bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".locations (id) ON DELETE CASCADE,
    expected_quantity integer      NOT NULL,
    ledger_position   bigint,
    counted_quantity  integer,
    counted_by_name   varchar(255),
    counted_at        timestamptz,
    CONSTRAINT cycle_count_lines_pkey PRIMARY KEY (cycle_count_id, product_batch_id, location_id),
    CONSTRAINT cycle_count_lines_expected_not_negative CHECK (expected_quantity >= 0),
    CONSTRAINT cycle_count_lines_counted_not_negative CHECK (counted_quantity >= 0),
    CONSTRAINT cycle_count_lines_counted_pair CHECK ((counted_quantity IS NULL) = (counted_at IS NULL))
);

COMMENT ON COLUMN "${flyway:defaultSchema}".cycle_count_lines.ledger_position IS
    'The ledger''s highest row id when expected_quantity was read: the rows of the batch at the location up to it '
    'make expected_quantity. NULL when the ledger was empty.';

-- The ON DELETE CASCADE of a purged batch or location.
CREATE INDEX idx_cycle_count_lines_batch ON "${flyway:defaultSchema}".cycle_count_lines (product_batch_id);
CREATE INDEX idx_cycle_count_lines_location ON "${flyway:defaultSchema}".cycle_count_lines (location_id);
