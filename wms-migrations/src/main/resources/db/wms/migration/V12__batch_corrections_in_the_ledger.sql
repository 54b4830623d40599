-- Corrections of a batch's lot number and dates, and hiding (soft delete) or restoring it, are stock decisions: an
-- expired batch whose expiry date is cleared can be picked again. They are written to the ledger as 'corrected'
-- rows saying what changed from what to what, with no quantity change.
ALTER TABLE product_batch_tracks
    DROP CONSTRAINT product_batch_tracks_action_known,
    ADD CONSTRAINT product_batch_tracks_action_known
        CHECK (action IN ('received', 'picked', 'adjusted', 'status_changed', 'expired', 'disposed', 'returned',
                          'corrected'));
