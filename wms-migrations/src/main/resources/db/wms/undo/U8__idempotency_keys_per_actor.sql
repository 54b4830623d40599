-- Undoes V8: keys become global again. Where two actors used the same key, only the oldest claim is kept, as the
-- global primary key allows one; the others' retries would then be refused as reused, never applied twice.

DELETE FROM "${flyway:defaultSchema}".idempotency_keys later
    USING "${flyway:defaultSchema}".idempotency_keys earlier
WHERE later.idempotency_key = earlier.idempotency_key
  AND (later.created_at, later.actor_scope) > (earlier.created_at, earlier.actor_scope);

ALTER TABLE "${flyway:defaultSchema}".idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE "${flyway:defaultSchema}".idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (idempotency_key);
ALTER TABLE "${flyway:defaultSchema}".idempotency_keys DROP COLUMN actor_scope;

COMMENT ON COLUMN "${flyway:defaultSchema}".idempotency_keys.request IS
    'The request in canonical form: the same key sent with a different request is refused, never replayed.';
