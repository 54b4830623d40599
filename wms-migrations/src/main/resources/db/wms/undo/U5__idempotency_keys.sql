-- Undoes V5: the stored results of retry-safe operations go; a retry after this is a new operation.

DROP TABLE "${flyway:defaultSchema}".idempotency_keys;
