package io.wms.core.internal.stock;

import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;

/**
 * The one path of every keyed stock operation, for the inventory and the reservations alike: validates the command
 * and its key, then runs its work once.
 */
final class KeyedRuns {

    private KeyedRuns() {
    }

    /**
     * Validates a command and runs it once. Without a key the work runs as one statement on its own; with one, the
     * key is claimed, the stock moved and the result stored in one transaction, and a repetition returns the stored
     * result.
     *
     * @param validator the command's checks so far; the key's are added here
     * @param key       the command's idempotency key; {@code null} for none
     * @param request   the command as it will run, which a repetition must equal, its key aside; of a type that
     *                  {@link KeyedCommands} declares
     */
    static <T> T runOnceByKey(Transactions transactions, IdempotencyKeys keys, Actor actor, Validator validator,
                              String key, KeyedOperation<T> operation, Record request, Supplier<T> work) {
        if (key != null) {
            validator.requiredText("idempotencyKey", key, IdempotencyKeys.KEY_LENGTH);
        }
        validator.validate();
        if (key == null) {
            return transactions.statement(work);
        }
        return transactions.transaction(() -> keys.runOnce(actor, key, operation, CanonicalRequest.of(request), work));
    }
}
