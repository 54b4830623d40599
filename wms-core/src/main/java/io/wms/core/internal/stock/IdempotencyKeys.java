package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;

import java.util.List;
import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.jooq.tables.records.IdempotencyKeysRecord;
import org.jooq.DSLContext;

/**
 * Applies a keyed operation at most once. The key is claimed by inserting it in the operation's own transaction
 * before the operation runs: a concurrent duplicate then waits on the primary key until the first transaction ends,
 * and finds the committed result (or, if the first rolled back, claims the key itself).
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
     * Runs keyed work once: claims the key and runs the work, storing its result; or, if the key was used before,
     * returns the stored result.
     *
     * @param actor     who acts
     * @param key       the idempotency key
     * @param operation the operation
     * @param request   the request in canonical form
     * @param work      the operation's statements, in the caller's transaction
     * @return the work's result, the first time or any later time
     * @throws ValidationException if the key was used for another request
     */
    <T> T runOnce(Actor actor, String key, KeyedOperation<T> operation, String request, Supplier<T> work) {
        boolean claimed = dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_KEYS.OPERATION, operation.name())
                .set(IDEMPOTENCY_KEYS.REQUEST, request)
                .set(IDEMPOTENCY_KEYS.USER_ID, actor.userId())
                .onConflictDoNothing()
                .execute() == 1;
        if (claimed) {
            T result = work.get();
            dsl.update(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.RESULT, operation.encode().apply(result))
                    .where(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                    .execute();
            return result;
        }
        IdempotencyKeysRecord first = dsl.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .fetchSingle();
        if (!first.getOperation().equals(operation.name()) || !first.getRequest().equals(request)) {
            throw new ValidationException(operation.name(), List.of(new Violation("idempotencyKey", Rule.REUSED,
                    "was already used for a different request (" + first.getOperation() + ")")));
        }
        return operation.decode().apply(first.getResult());
    }
}
