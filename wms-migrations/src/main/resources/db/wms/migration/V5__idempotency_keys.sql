-- Retry-safe stock operations: a caller that is unsure whether its receive, pick or adjustment committed sends it
-- again with the same idempotency key, and gets the first result back instead of moving stock twice.
--
-- The key row is inserted in the same transaction as the operation it guards, so the key exists exactly when the
-- operation committed. A concurrent duplicate waits on the primary key until the first transaction ends, then reads
-- the stored result.

CREATE TABLE idempotency_keys
(
    idempotency_key varchar(255) PRIMARY KEY,
    operation       varchar(50)  NOT NULL,
    request         text         NOT NULL,
    result          text,
    user_id         bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_key_not_blank CHECK (btrim(idempotency_key) <> '')
);

COMMENT ON COLUMN idempotency_keys.request IS
    'The request in canonical form: the same key sent with a different request is refused, never replayed.';
COMMENT ON COLUMN idempotency_keys.result IS
    'The first result in the library''s own encoding, returned to every repetition of the request.';

CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at);
