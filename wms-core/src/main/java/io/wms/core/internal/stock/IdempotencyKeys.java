package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.jooq.tables.records.IdempotencyKeysRecord;
import org.jooq.DSLContext;

/**
 * Applies a keyed operation at most once. The key is claimed by inserting it in the operation's own transaction
 * before the operation runs: a concurrent duplicate then waits on the primary key until the first transaction ends,
 * and finds the committed result (or, if the first rolled back, claims the key itself).
 */
final class IdempotencyKeys {

    static final int KEY_LENGTH = 255;

    private IdempotencyKeys() {
    }

    static <T> T once(DSLContext transaction, Actor actor, String key, String operation, String request,
                      Supplier<T> work, Function<T, String> encode, Function<String, T> decode) {
        if (key == null) {
            return work.get();
        }
        boolean claimed = transaction.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_KEYS.OPERATION, operation)
                .set(IDEMPOTENCY_KEYS.REQUEST, request)
                .set(IDEMPOTENCY_KEYS.USER_ID, actor.userId())
                .onConflictDoNothing()
                .execute() == 1;
        if (claimed) {
            T result = work.get();
            transaction.update(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.RESULT, encode.apply(result))
                    .where(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                    .execute();
            return result;
        }
        IdempotencyKeysRecord first = transaction.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .fetchSingle();
        if (!first.getOperation().equals(operation) || !first.getRequest().equals(request)) {
            throw new ValidationException(operation, List.of(new Violation("idempotencyKey", "reused",
                    "was already used for a different request (" + first.getOperation() + ")")));
        }
        return decode.apply(first.getResult());
    }
}
