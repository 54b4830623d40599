-- Undoes V4: the ledger can be updated, deleted and truncated again; its rows stay.

DROP TRIGGER product_batch_tracks_no_truncate ON "${flyway:defaultSchema}".product_batch_tracks;
DROP FUNCTION "${flyway:defaultSchema}".wms_refuse_ledger_truncate();
DROP TRIGGER product_batch_tracks_append_only ON "${flyway:defaultSchema}".product_batch_tracks;
DROP FUNCTION "${flyway:defaultSchema}".wms_guard_ledger();
