-- Undoes V3: the ledger first, as it references the batches.

DROP TABLE product_batch_tracks;
DROP TABLE product_batches;
