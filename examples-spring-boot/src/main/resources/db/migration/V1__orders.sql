-- The application's own table, in public, under its own Flyway history (public.flyway_schema_history).
CREATE TABLE orders
(
    id         bigint PRIMARY KEY,
    product_id bigint  NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0)
);
