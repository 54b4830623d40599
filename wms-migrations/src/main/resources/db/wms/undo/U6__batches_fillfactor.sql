-- Undoes V6: product_batches fills its pages again (the default fillfactor, 100). Pages already written keep their
-- free room until the table is rewritten, as with V6 itself.

ALTER TABLE "${flyway:defaultSchema}".product_batches RESET (fillfactor);
