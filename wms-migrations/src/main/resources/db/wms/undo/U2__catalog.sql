-- Undoes V2: the catalog. products first, as it references categories and brands.

DROP TABLE "${flyway:defaultSchema}".products;
DROP TABLE "${flyway:defaultSchema}".brands;
DROP TABLE "${flyway:defaultSchema}".categories;
