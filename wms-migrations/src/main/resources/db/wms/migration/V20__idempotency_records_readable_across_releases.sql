-- Idempotency records that the next release still reads: a retry sent across an upgrade is still recognised as the
-- same request and answered with its first result.
--
-- A key's request is known by request_digest, the SHA-256 digest of its canonical JSON: the command's name and its
-- fields by name, those at their default left out, so that a field a later release adds, sent at its default, leaves
-- the digest as it was. Keys claimed before keep the text of their request in request, which the library compares
-- field by field by the same rule; keys claimed since have no text.
--
-- A key's result is versioned JSON, {"format": 1, "result": {...}}, its components by name: a reader ignores the
-- components it does not know and gives those it misses their default. Results stored before are kept as they were,
-- as {"format": 0, "text": "..."}, which the library reads in that format.

ALTER TABLE idempotency_keys ADD COLUMN request_digest bytea;
ALTER TABLE idempotency_keys ALTER COLUMN request DROP NOT NULL;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_request_known
    CHECK (request IS NOT NULL OR request_digest IS NOT NULL);

ALTER TABLE idempotency_keys ALTER COLUMN result TYPE jsonb
    USING CASE WHEN result IS NOT NULL THEN pg_catalog.jsonb_build_object('format', 0, 'text', result) END;

COMMENT ON COLUMN idempotency_keys.request_digest IS
    'SHA-256 of the request in canonical JSON (fields by name, those at their default left out): the same key sent '
    'with a different request is refused, never replayed. NULL for keys claimed before V20, which keep request.';
COMMENT ON COLUMN idempotency_keys.request IS
    'The request as the library wrote it before V20 (every field length-prefixed, NULL distinct from any text), '
    'compared field by field; NULL for keys claimed since, known by request_digest.';
COMMENT ON COLUMN idempotency_keys.result IS
    'The first result, returned to every repetition of the request: {"format": 1, "result": {...}} with its '
    'components by name, or {"format": 0, "text": "..."} as stored before V20.';
