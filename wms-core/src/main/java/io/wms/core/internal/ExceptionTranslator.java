package io.wms.core.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wms.core.error.DatabaseException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ReferencedException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.core.error.WmsException;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver and jOOQ exceptions into the typed {@link WmsException}s of the API, so that no
 * {@link SQLException} or {@link DataAccessException} reaches a caller.
 *
 * <p>Constraint violations are named after the rule they protect, using the constraint names of the migrations.
 */
public final class ExceptionTranslator {

    /** The SQLSTATE the append-only ledger trigger raises (migration V4). */
    public static final String LEDGER_IS_APPEND_ONLY = "WMS01";

    private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\((.*)\\) ");
    private static final Pattern KEY_COLUMN = Pattern.compile("Key \\(([^)]*)\\)");

    private record Unique(String entity, String field) {
    }

    private static final Map<String, Unique> UNIQUE_CONSTRAINTS = Map.of(
            "users_email_live_key", new Unique("user", "email"),
            "roles_name_key", new Unique("role", "name"),
            "categories_name_live_key", new Unique("category", "name"),
            "brands_name_live_key", new Unique("brand", "name"),
            "product_batches_batch_number_live_key", new Unique("batch", "batch number"),
            "idempotency_keys_pkey", new Unique("idempotency key", "idempotencyKey"));

    private static final Map<String, Violation> CHECK_CONSTRAINTS = Map.ofEntries(
            Map.entry("users_email_not_blank", new Violation("email", Rule.REQUIRED, "is required")),
            Map.entry("users_password_not_blank", new Violation("password", Rule.REQUIRED, "is required")),
            Map.entry("roles_name_not_blank", new Violation("name", Rule.REQUIRED, "is required")),
            Map.entry("categories_name_not_blank", new Violation("name", Rule.REQUIRED, "is required")),
            Map.entry("brands_name_not_blank", new Violation("name", Rule.REQUIRED, "is required")),
            Map.entry("products_name_not_blank", new Violation("name", Rule.REQUIRED, "is required")),
            Map.entry("product_batches_batch_number_not_blank",
                    new Violation("batchNumber", Rule.REQUIRED, "is required")),
            Map.entry("product_batches_quantity_not_negative",
                    new Violation("quantity", Rule.NOT_NEGATIVE, "must not become negative")),
            Map.entry("product_batches_status_known",
                    new Violation("status", Rule.KNOWN, "must be a known batch status")),
            Map.entry("product_batches_expiry_after_manufacturing",
                    new Violation("expiryDate", Rule.DATE_ORDER, "must not be before manufacturingDate")),
            Map.entry("product_batch_tracks_action_known",
                    new Violation("action", Rule.KNOWN, "must be a known ledger action")),
            Map.entry("product_batch_tracks_quantity_after_not_negative",
                    new Violation("quantity", Rule.NOT_NEGATIVE, "must not become negative")),
            Map.entry("idempotency_keys_key_not_blank",
                    new Violation("idempotencyKey", Rule.REQUIRED, "is required")),
            Map.entry("product_batch_tracks_quantity_pair",
                    new Violation("quantityChange", Rule.PAIR, "and quantityAfter must be both set or both empty")));

    private static final Map<String, String> ENTITY_OF_TABLE = Map.of(
            "users", "user",
            "roles", "role",
            "user_roles", "role assignment",
            "categories", "category",
            "brands", "brand",
            "products", "product",
            "product_batches", "batch",
            "product_batch_tracks", "ledger row",
            "idempotency_keys", "idempotency key");

    private ExceptionTranslator() {
    }

    /**
     * Translates any exception that escaped a database call.
     *
     * @param failure the exception; a {@link WmsException} is returned as it is
     * @return the typed exception to throw; never {@code null}
     */
    public static RuntimeException translate(Throwable failure) {
        if (failure instanceof WmsException wmsException) {
            return wmsException;
        }
        SQLException sqlException = findSqlException(failure);
        if (sqlException == null) {
            if (failure instanceof DataAccessException) {
                return new DatabaseException("Database operation failed: " + failure.getMessage(), null, failure);
            }
            return failure instanceof RuntimeException runtime ? runtime : new WmsException(failure.getMessage(), failure);
        }
        return translate(sqlException, failure);
    }

    private static RuntimeException translate(SQLException sqlException, Throwable failure) {
        String sqlState = sqlException.getSQLState();
        ServerErrorMessage server = sqlException instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        String detail = server == null || server.getDetail() == null ? "" : server.getDetail();
        String message = server == null || server.getMessage() == null ? sqlException.getMessage() : server.getMessage();

        if (sqlException instanceof SQLTransientConnectionException) {
            return new RetryableException("No database connection available: " + message, sqlState, failure);
        }
        if (sqlState == null) {
            return new RetryableException("The database connection failed: " + message, null, failure);
        }
        switch (sqlState) {
            case "23505": {
                Unique unique = constraint == null ? null : UNIQUE_CONSTRAINTS.get(constraint);
                String table = server == null ? null : server.getTable();
                String entity = unique != null ? unique.entity() : ENTITY_OF_TABLE.getOrDefault(table, "row");
                String field = unique != null ? unique.field() : keyColumn(detail);
                return new DuplicateException(entity, field, keyValue(detail), failure);
            }
            case "23503":
                return foreignKeyFailure(server, detail, failure);
            case "23001":
                return new ReferencedException("Still referenced: " + message, failure);
            case "23514", "23502": {
                Violation violation = constraint == null ? null : CHECK_CONSTRAINTS.get(constraint);
                if (violation == null) {
                    String column = server == null || server.getColumn() == null ? "value" : server.getColumn();
                    violation = new Violation(column, Rule.CONSTRAINT, "breaks a database rule: " + message);
                }
                return new ValidationException("data", List.of(violation), failure);
            }
            case "22001":
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.MAX_LENGTH, "is too long for its column")), failure);
            case "22021", "22P05":
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.ENCODING, "contains a character PostgreSQL cannot store")),
                        failure);
            case "22003", "22008":
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.RANGE, "is out of range: " + message)), failure);
            case LEDGER_IS_APPEND_ONLY:
                return new DatabaseException(message, sqlState, failure);
            default:
                break;
        }
        if (isRetryable(sqlState)) {
            return new RetryableException("The database asked to retry (" + sqlState + "): " + message, sqlState,
                    failure);
        }
        return new DatabaseException("The database refused (" + sqlState + "): " + message, sqlState, failure);
    }

    /**
     * Tells whether a SQLSTATE means "try again": serialization failure, deadlock, a lost or refused connection, a
     * server shutting down or starting, a lock or statement timeout.
     *
     * @param sqlState the SQLSTATE; may be {@code null}
     * @return {@code true} if retrying may succeed
     */
    public static boolean isRetryable(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        return sqlState.equals("40001") || sqlState.equals("40P01") || sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03")
                || sqlState.equals("53300") || sqlState.equals("55P03") || sqlState.equals("57014");
    }

    private static RuntimeException foreignKeyFailure(ServerErrorMessage server, String detail, Throwable failure) {
        String table = server == null ? null : server.getTable();
        if (detail.contains("is still referenced")) {
            return new ReferencedException(ENTITY_OF_TABLE.getOrDefault(table, "row") + " is still referenced: "
                    + detail, failure);
        }
        Matcher referenced = Pattern.compile("table \"([^\"]+)\"").matcher(detail);
        String entity = referenced.find() ? ENTITY_OF_TABLE.getOrDefault(referenced.group(1), "row") : "row";
        return new NotFoundException(entity, keyValue(detail));
    }

    private static String keyValue(String detail) {
        Matcher matcher = KEY_VALUE.matcher(detail);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String keyColumn(String detail) {
        Matcher matcher = KEY_COLUMN.matcher(detail);
        return matcher.find() ? matcher.group(1) : "key";
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException) {
                return sqlException;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
