-- Undoes V3: the ledger first, as it references the batches.

DROP TABLE "${flyway:defaultSchema}".product_batch_tracks;
DROP TABLE "${flyway:defaultSchema}".product_batches;
