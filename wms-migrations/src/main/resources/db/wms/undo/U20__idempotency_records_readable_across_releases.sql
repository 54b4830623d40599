-- Undoes V20: requests and results back to text, as the release before V20 reads them. A key claimed since V20 has
-- no text of its request; it gets one that release never writes ('digest:<hex>'), so that a retry of it is refused as
-- reused, never applied twice, and its result, which that release then never reads, is kept as its JSON text.

UPDATE "${flyway:defaultSchema}".idempotency_keys
SET request = 'digest:' || pg_catalog.encode(request_digest, 'hex')
WHERE request IS NULL;

ALTER TABLE "${flyway:defaultSchema}".idempotency_keys ALTER COLUMN result TYPE text
    USING CASE WHEN result ->> 'format' = '0' THEN result ->> 'text' ELSE result::text END;

ALTER TABLE "${flyway:defaultSchema}".idempotency_keys DROP CONSTRAINT idempotency_keys_request_known;
ALTER TABLE "${flyway:defaultSchema}".idempotency_keys ALTER COLUMN request SET NOT NULL;
ALTER TABLE "${flyway:defaultSchema}".idempotency_keys DROP COLUMN request_digest;

COMMENT ON COLUMN "${flyway:defaultSchema}".idempotency_keys.request IS
    'The request in canonical form (every field length-prefixed, NULL distinct from any text): the same key sent with '
    'a different request is refused, never replayed.';
COMMENT ON COLUMN "${flyway:defaultSchema}".idempotency_keys.result IS
    'The first result in the library''s own encoding, returned to every repetition of the request.';
