package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.jooq.tables.records.IdempotencyKeysRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Applies a keyed operation at most once per actor and key. The key is claimed by inserting it in the operation's
 * own transaction before the operation runs: a concurrent duplicate then waits on the primary key until the first
 * transaction ends, and finds the committed result (or, if the first rolled back, claims the key itself).
 *
 * <p>Keys belong to an actor's scope ({@code idempotency_keys.actor_scope}, never {@code NULL}): a user's keys to
 * {@code user:<id>}, a system actor's, which has no user, to {@code system:<name>}.
 *
 * <p>A key is stored with its request's {@linkplain CanonicalRequest#digest() digest} and its result as versioned
 * JSON ({@link StoredResult}), both readable by later releases; keys that the release before V20 claimed keep its
 * text of the request, compared field by field, and its result, read in its format.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class IdempotencyKeys {

    static final int KEY_LENGTH = 255;

    private final DSLContext dsl;

    IdempotencyKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Runs keyed work once: claims the key and runs the work, storing its result; or, if the actor used the key
     * before, returns the stored result.
     *
     * @param actor     who acts, whose scope the key is in
     * @param key       the idempotency key
     * @param operation the operation
     * @param request   the request, which a repetition must equal
     * @param work      the operation's statements, in the caller's transaction
     * @return the work's result, the first time or any later time
     * @throws ValidationException if the actor used the key for another request
     */
    <T> T runOnce(Actor actor, String key, KeyedOperation<T> operation, CanonicalRequest request, Supplier<T> work) {
        String scope = scopeOf(actor);
        byte[] digest = request.digest();
        boolean claimed = dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.ACTOR_SCOPE, scope)
                .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_KEYS.OPERATION, operation.name())
                .set(IDEMPOTENCY_KEYS.REQUEST_DIGEST, digest)
                .set(IDEMPOTENCY_KEYS.USER_ID, actor.userId())
                .onConflictDoNothing()
                .execute() == 1;
        Condition thisKey = IDEMPOTENCY_KEYS.ACTOR_SCOPE.eq(scope).and(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key));
        if (claimed) {
            T result = work.get();
            dsl.update(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.RESULT, operation.results().to(result))
                    .where(thisKey)
                    .execute();
            return result;
        }
        IdempotencyKeysRecord first = dsl.selectFrom(IDEMPOTENCY_KEYS).where(thisKey).fetchSingle();
        if (!first.getOperation().equals(operation.name()) || !sameRequest(first, request, digest)) {
            throw new ValidationException(operation.name(), List.of(new Violation("idempotencyKey", Rule.REUSED,
                    "was already used for a different request (" + first.getOperation() + ")")));
        }
        return operation.results().from(first.getResult());
    }

    /** A key claimed before V20 holds the previous release's text of its request, and no digest. */
    private static boolean sameRequest(IdempotencyKeysRecord first, CanonicalRequest request, byte[] digest) {
        return first.getRequestDigest() != null ? Arrays.equals(first.getRequestDigest(), digest)
                : request.matchesPreviousRelease(first.getRequest());
    }

    /**
     * Deletes every actor's keys claimed before an instant.
     *
     * @param before the instant; keys claimed at or after it stay
     * @return how many keys were deleted
     */
    int purgeClaimedBefore(Instant before) {
        return dsl.deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.CREATED_AT.lt(before)).execute();
    }

    /** The scope an actor's keys live in: its user, or for a system actor without one, its name. */
    private static String scopeOf(Actor actor) {
        return actor.userId() != null ? "user:" + actor.userId() : "system:" + actor.name();
    }
}
