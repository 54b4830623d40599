-- Reservations (stock promised to an order before it is picked) and reorder points (when to order more, and how much).
--
-- Hard allocation. A reservation holds units of named batches at named locations (reservation_lines), chosen when it
-- is made, first-expired first-out over the warehouse's active locations as a pick chooses them, among batches that
-- are still usable on the reservation's due date. batch_locations.reserved counts the units the open reservations
-- hold there, and batch_locations_reserved_within_quantity keeps it at or below the units there: the promise "never
-- more reserved than on hand" is a check on one row, which the database enforces for every writer, the library's
-- picks, transfers, adjustments and the default location's placement (V14) included. A pick that names no
-- reservation takes only units that are not reserved; a pick of a reservation takes exactly the units it holds.
-- Why hard rather than a reserved quantity per product: the expiry rules (first-expired first-out, no unit that
-- expires before the due date) are decided once, when the promise is made, and cannot be broken later by another
-- pick taking the batches the promise relied on; and the invariant is a row check instead of a sum over a product's
-- batches that every movement would have to lock. The price: held units are held, even when another order would need
-- them sooner; cancelling a reservation or letting it expire (the sweep) releases them.
--
-- The lines of a closed reservation (consumed, cancelled, expired) stay as its record, and no longer count: reserved
-- is the sum of the lines of the open reservations at each batch and location.
--
-- Reorder points use the min/max model: a product whose available units in a warehouse (usable on hand less reserved)
-- are at or below minimum_quantity is to be ordered up to maximum_quantity. It says both when and how much with two
-- numbers a buyer already thinks in, where a fixed reorder quantity would not bring a product that fell far below its
-- point back up. The primary key leads with the warehouse, which is how the report reads them.

ALTER TABLE "${flyway:defaultSchema}".batch_locations
    ADD COLUMN reserved integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT batch_locations_reserved_not_negative CHECK (reserved >= 0),
    ADD CONSTRAINT batch_locations_reserved_within_quantity CHECK (reserved <= quantity);

COMMENT ON COLUMN "${flyway:defaultSchema}".batch_locations.reserved IS
    'The units here that open reservations hold: the sum of their reservation_lines. Never more than quantity.';

CREATE TABLE "${flyway:defaultSchema}".reservations
(
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".warehouses (id) ON DELETE CASCADE,
    product_id   bigint       NOT NULL REFERENCES "${flyway:defaultSchema}".products (id) ON DELETE CASCADE,
    reference    varchar(255) NOT NULL,
    quantity     integer      NOT NULL,
    due_date     date,
    expires_at   timestamptz,
    status       varchar(20)  NOT NULL DEFAULT 'open',
    created_by   bigint REFERENCES "${flyway:defaultSchema}".users (id) ON DELETE SET NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    version      bigint       NOT NULL DEFAULT 1,
    CONSTRAINT reservations_reference_not_blank CHECK (btrim(reference) <> ''),
    CONSTRAINT reservations_quantity_positive CHECK (quantity > 0),
    CONSTRAINT reservations_status_known CHECK (status IN ('open', 'consumed', 'cancelled', 'expired'))
);

COMMENT ON COLUMN "${flyway:defaultSchema}".reservations.reference IS
    'What the units are promised to, in the host''s words: an order id, for example.';
COMMENT ON COLUMN "${flyway:defaultSchema}".reservations.due_date IS
    'The day the units are needed: no unit of a batch that expires before it is reserved. NULL for today.';
COMMENT ON COLUMN "${flyway:defaultSchema}".reservations.expires_at IS
    'When the sweep releases the reservation if it is still open; NULL for never.';

-- The sweep's search for open reservations past their expiry.
CREATE INDEX idx_reservations_open_expiry
    ON "${flyway:defaultSchema}".reservations (expires_at) WHERE status = 'open';
-- A product's reservations, and the ON DELETE CASCADE of a product.
CREATE INDEX idx_reservations_product ON "${flyway:defaultSchema}".reservations (product_id, warehouse_id);
CREATE INDEX idx_reservations_warehouse ON "${flyway:defaultSchema}".reservations (warehouse_id);
CREATE INDEX idx_reservations_created_by ON "${flyway:defaultSchema}".reservations (created_by);

CREATE TRIGGER reservations_touch
    BEFORE UPDATE ON "${flyway:defaultSchema}".reservations
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".wms_touch_row();

CREATE TABLE "${flyway:defaultSchema}".reservation_lines
(
    reservation_id   bigint  NOT NULL REFERENCES "${flyway:defaultSchema}".reservations (id) ON DELETE CASCADE,
    product_batch_id bigint  NOT NULL REFERENCES "${flyway:defaultSchema}".product_batches (id) ON DELETE CASCADE,
    location_id      bigint  NOT NULL REFERENCES "${flyway:defaultSchema}".locations (id) ON DELETE CASCADE,
    quantity         integer NOT NULL,
    CONSTRAINT reservation_lines_pkey PRIMARY KEY (reservation_id, product_batch_id, location_id),
    CONSTRAINT reservation_lines_quantity_positive CHECK (quantity > 0)
);

COMMENT ON TABLE "${flyway:defaultSchema}".reservation_lines IS
    'The units of one batch at one location a reservation holds (while open) or held (once closed).';

-- The ON DELETE CASCADE of a batch (purge) and of a location.
CREATE INDEX idx_reservation_lines_batch_location
    ON "${flyway:defaultSchema}".reservation_lines (product_batch_id, location_id);
CREATE INDEX idx_reservation_lines_location ON "${flyway:defaultSchema}".reservation_lines (location_id);

CREATE TABLE "${flyway:defaultSchema}".reorder_points
(
    warehouse_id     bigint      NOT NULL REFERENCES "${flyway:defaultSchema}".warehouses (id) ON DELETE CASCADE,
    product_id       bigint      NOT NULL REFERENCES "${flyway:defaultSchema}".products (id) ON DELETE CASCADE,
    minimum_quantity integer     NOT NULL,
    maximum_quantity integer     NOT NULL,
    updated_by       bigint REFERENCES "${flyway:defaultSchema}".users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 1,
    CONSTRAINT reorder_points_pkey PRIMARY KEY (warehouse_id, product_id),
    CONSTRAINT reorder_points_minimum_not_negative CHECK (minimum_quantity >= 0),
    CONSTRAINT reorder_points_maximum_above_minimum CHECK (maximum_quantity > minimum_quantity)
);

COMMENT ON TABLE "${flyway:defaultSchema}".reorder_points IS
    'Min/max per product and warehouse: at or below minimum_quantity available, order up to maximum_quantity.';

-- The ON DELETE CASCADE of a product, and of a user's SET NULL.
CREATE INDEX idx_reorder_points_product ON "${flyway:defaultSchema}".reorder_points (product_id);
CREATE INDEX idx_reorder_points_updated_by ON "${flyway:defaultSchema}".reorder_points (updated_by);

CREATE TRIGGER reorder_points_touch
    BEFORE UPDATE ON "${flyway:defaultSchema}".reorder_points
    FOR EACH ROW EXECUTE FUNCTION "${flyway:defaultSchema}".wms_touch_row();
