-- Idempotency keys belong to the actor who sent them: one user's key never replays another user's result, so two
-- clients that happen to choose the same key (an order number, a counter) each have their request applied once.
--
-- actor_scope is never NULL, which user_id cannot be for the system actors that carry no user: 'user:<id>' for a
-- user, 'system:<name>' for Actor.system(name). Keys written before this migration were global; they are kept under
-- their user's scope, or 'system:' when they had none, so that a retry already in flight is still answered.

ALTER TABLE idempotency_keys ADD COLUMN actor_scope text;

UPDATE idempotency_keys
SET actor_scope = CASE WHEN user_id IS NULL THEN 'system:' ELSE 'user:' || user_id END;

ALTER TABLE idempotency_keys ALTER COLUMN actor_scope SET NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (actor_scope, idempotency_key);

COMMENT ON COLUMN idempotency_keys.actor_scope IS
    'Whose key it is: ''user:<id>'', or ''system:<name>'' for a system actor. Keys are unique per actor.';
COMMENT ON COLUMN idempotency_keys.request IS
    'The request in canonical form (every field length-prefixed, NULL distinct from any text): the same key sent with '
    'a different request is refused, never replayed.';
