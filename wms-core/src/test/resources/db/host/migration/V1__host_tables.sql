-- A host application's own schema in public, with table names that wms also uses: wms must not see or touch them.
CREATE TABLE users
(
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL UNIQUE
);

CREATE TABLE products
(
    sku   text PRIMARY KEY,
    title text NOT NULL
);
