-- The ledger keeps only the indexes a query reads. Every stock movement appends a ledger row, and each secondary
-- index of product_batch_tracks is one more B-tree insert (and WAL record) in the movement's transaction; three of
-- the six served no query of the library or of the host queries its documentation gives:
--   * idx_pbt_batch_action (product_batch_id, action) and idx_pbt_batch_user_action (product_batch_id, user_id,
--     action) are the seed's, and no query filters a batch's rows by action or user. A batch's ledger is read whole
--     or newest first (full tracking, ledger().byBatch, history, the ledger check after a restore), which
--     idx_pbt_batch_created (product_batch_id, created_at DESC, id DESC) serves, as it serves the ON DELETE CASCADE
--     from product_batches.
--   * idx_product_batch_tracks_created_at (created_at) served no query: the listings across batches are by user
--     and by action, each served by its own (column, created_at DESC, id DESC) index.
-- Kept: the primary key, idx_pbt_batch_created, idx_product_batch_tracks_user_id (ledger().byUser, and the
-- ON DELETE SET NULL of a purged user) and idx_product_batch_tracks_action (ledger().byAction).
--
-- Dropping an index is quick, but takes a brief exclusive lock on the ledger: movements wait for it.

DROP INDEX "${flyway:defaultSchema}".idx_pbt_batch_action;
DROP INDEX "${flyway:defaultSchema}".idx_pbt_batch_user_action;
DROP INDEX "${flyway:defaultSchema}".idx_product_batch_tracks_created_at;
