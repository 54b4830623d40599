-- The catalog: categories, brands and products (seed: "Categories Table", "Brands Table", "Products Table"),
-- with the seed's full-text and composite indexes.
--
-- Corrections to the seed, each explained in wms-migrations/README.md:
--   * soft delete (deleted_at) with names unique among live rows only, ignoring letter case;
--   * created_by / updated_by, as the GO-WMS code keeps them;
--   * idx_products_category_id is left out: idx_products_category_brand (category_id, brand_id) serves it;
--   * idx_products_name is (name, id), so that name-ordered keyset pages are served by one index.

CREATE TABLE categories
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    version     bigint       NOT NULL DEFAULT 1,
    CONSTRAINT categories_name_not_blank CHECK (btrim(name) <> '')
);

CREATE UNIQUE INDEX categories_name_live_key ON categories (lower(name)) WHERE deleted_at IS NULL;

CREATE TRIGGER categories_touch
    BEFORE UPDATE ON categories
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();

CREATE TABLE brands
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    version     bigint       NOT NULL DEFAULT 1,
    CONSTRAINT brands_name_not_blank CHECK (btrim(name) <> '')
);

CREATE UNIQUE INDEX brands_name_live_key ON brands (lower(name)) WHERE deleted_at IS NULL;

CREATE TRIGGER brands_touch
    BEFORE UPDATE ON brands
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();

CREATE TABLE products
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description text,
    category_id bigint REFERENCES categories (id) ON DELETE SET NULL,
    brand_id    bigint REFERENCES brands (id) ON DELETE SET NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    version     bigint       NOT NULL DEFAULT 1,
    CONSTRAINT products_name_not_blank CHECK (btrim(name) <> '')
);

CREATE INDEX idx_products_brand_id ON products (brand_id);
CREATE INDEX idx_products_name ON products (name, id);
CREATE INDEX idx_products_created_at ON products (created_at, id);
CREATE INDEX idx_products_name_gin ON products USING gin (to_tsvector('english', name));
CREATE INDEX idx_products_category_brand ON products (category_id, brand_id);

CREATE TRIGGER products_touch
    BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();
