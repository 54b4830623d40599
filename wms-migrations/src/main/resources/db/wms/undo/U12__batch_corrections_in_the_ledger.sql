-- Fails, leaving the schema as it is, while the append-only ledger holds 'corrected' rows: they cannot be removed.
ALTER TABLE "${flyway:defaultSchema}".product_batch_tracks
    DROP CONSTRAINT product_batch_tracks_action_known,
    ADD CONSTRAINT product_batch_tracks_action_known
        CHECK (action IN ('received', 'picked', 'adjusted', 'status_changed', 'expired', 'disposed', 'returned'));
