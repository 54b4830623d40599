package io.wms.core.internal;

import java.util.Set;

/**
 * The SQLSTATE codes the library acts on, named, and the classes of them it treats alike: the one place these
 * five-character codes are spelled.
 *
 * <p>A SQLSTATE is the same whatever language the server writes its messages in, so decisions are taken on these
 * codes and on the error's structured fields, never on its text. Thread-safe: constants only.
 */
public final class SqlStates {

    /** Class 23: a row broke an integrity constraint. */
    public static final String INTEGRITY_CONSTRAINT_VIOLATION_CLASS = "23";
    /** 23001: a delete or update refused by an {@code ON DELETE RESTRICT} foreign key. */
    public static final String RESTRICT_VIOLATION = "23001";
    /** 23502: a {@code NOT NULL} column got a null. */
    public static final String NOT_NULL_VIOLATION = "23502";
    /** 23503: a foreign key names a missing row, or a referenced row was to go. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** 23505: a unique constraint or unique index met a duplicate. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** 23514: a {@code CHECK} constraint refused a row. */
    public static final String CHECK_VIOLATION = "23514";
    /** 23P01: an exclusion constraint met a conflicting row. */
    public static final String EXCLUSION_VIOLATION = "23P01";

    /** 22001: a value is longer than its column allows. */
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    /** 22003: a number is outside its type's range. */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** 22008: a date or time is outside its type's range. */
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    /** 22021: a character the database encoding cannot hold, for example NUL. */
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    /** 22P05: a character that cannot be converted to the database encoding. */
    public static final String UNTRANSLATABLE_CHARACTER = "22P05";

    /** 40001: the transaction lost a serialization conflict. */
    public static final String SERIALIZATION_FAILURE = "40001";
    /** 40P01: the transaction was chosen as a deadlock victim. */
    public static final String DEADLOCK_DETECTED = "40P01";

    /** Class 08: the connection failed or could not be made. */
    public static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** 53300: the server has no connection slot left. */
    public static final String TOO_MANY_CONNECTIONS = "53300";
    /** 55P03: a lock could not be taken within {@code lock_timeout} or with {@code NOWAIT}. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /** 57014: the statement was cancelled, for example by {@code statement_timeout}. */
    public static final String QUERY_CANCELED = "57014";
    /** 57P01: an administrator shut the server down. */
    public static final String ADMIN_SHUTDOWN = "57P01";
    /** 57P02: the server restarts after another backend crashed. */
    public static final String CRASH_SHUTDOWN = "57P02";
    /** 57P03: the server is starting up and cannot accept connections yet. */
    public static final String CANNOT_CONNECT_NOW = "57P03";

    /** WMS01: the append-only ledger trigger refused to change or remove a ledger row (migrations V4 and V7). */
    public static final String LEDGER_IS_APPEND_ONLY = "WMS01";

    /**
     * WMS02: a batch's quantity would differ from the sum of its units over its locations, or units would be placed
     * where no default location is (migration V14).
     */
    public static final String BATCH_SUM_OF_LOCATIONS = "WMS02";

    /** WMS03: a location would lie inside itself in the hierarchy (migration V14). */
    public static final String LOCATION_CYCLE = "WMS03";

    /**
     * WMS04: a role that does not own the ledger purged a batch that has ledger rows, which would take its history
     * with it (migration V19).
     */
    public static final String LEDGER_PURGE_NEEDS_OWNER = "WMS04";

    private static final Set<String> CONFLICTS = Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED);

    private static final Set<String> RETRYABLE = Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED, TOO_MANY_CONNECTIONS,
            LOCK_NOT_AVAILABLE, QUERY_CANCELED, ADMIN_SHUTDOWN, CRASH_SHUTDOWN, CANNOT_CONNECT_NOW);

    private SqlStates() {
    }

    /**
     * Tells whether a SQLSTATE means "try again": serialization failure, deadlock, a lost or refused connection, a
     * server shutting down or starting, no connection slot, a lock or statement timeout.
     *
     * @param sqlState the SQLSTATE; may be {@code null}
     * @return {@code true} if retrying may succeed; {@code false} for {@code null}
     */
    public static boolean isRetryable(String sqlState) {
        return sqlState != null && (RETRYABLE.contains(sqlState) || sqlState.startsWith(CONNECTION_EXCEPTION_CLASS));
    }

    /**
     * Tells whether a SQLSTATE is a conflict between concurrent transactions (serialization failure or deadlock),
     * which the library retries by itself where it owns the transaction.
     *
     * @param sqlState the SQLSTATE; may be {@code null}
     * @return {@code true} for 40001 and 40P01
     */
    public static boolean isConflict(String sqlState) {
        return sqlState != null && CONFLICTS.contains(sqlState);
    }

    /**
     * Tells whether a SQLSTATE is an integrity constraint violation (class 23), an expected refusal rather than a
     * failure of the library.
     *
     * @param sqlState the SQLSTATE; may be {@code null}
     * @return {@code true} for every code of class 23
     */
    public static boolean isIntegrityConstraintViolation(String sqlState) {
        return sqlState != null && sqlState.startsWith(INTEGRITY_CONSTRAINT_VIOLATION_CLASS);
    }
}
