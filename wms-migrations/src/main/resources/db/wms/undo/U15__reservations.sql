-- Reverses V15: drops reservations, their lines, reorder points and the reserved units per batch and location.
-- Batches and their locations keep their quantities: a reservation holds units, it never moved any.
--
-- What only these tables know is lost: which orders the units were promised to, and the reorder points.

DROP TABLE "${flyway:defaultSchema}".reorder_points;
DROP TABLE "${flyway:defaultSchema}".reservation_lines;
DROP TABLE "${flyway:defaultSchema}".reservations;

ALTER TABLE "${flyway:defaultSchema}".batch_locations
    DROP CONSTRAINT batch_locations_reserved_within_quantity,
    DROP CONSTRAINT batch_locations_reserved_not_negative,
    DROP COLUMN reserved;
