-- Reverses V13: re-creates the three ledger indexes V3 made and V13 dropped. Each is built from the whole ledger while
-- writes to it wait, which on a long ledger takes a while.

CREATE INDEX idx_pbt_batch_action ON "${flyway:defaultSchema}".product_batch_tracks (product_batch_id, action);
CREATE INDEX idx_pbt_batch_user_action
    ON "${flyway:defaultSchema}".product_batch_tracks (product_batch_id, user_id, action);
CREATE INDEX idx_product_batch_tracks_created_at ON "${flyway:defaultSchema}".product_batch_tracks (created_at);
