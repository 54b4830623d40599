-- Undoes V2: the catalog. products first, as it references categories and brands.

DROP TABLE products;
DROP TABLE brands;
DROP TABLE categories;
