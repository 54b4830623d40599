package io.wms.core.internal;

import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.CYCLE_COUNTS;
import static io.wms.jooq.Tables.CYCLE_COUNT_LINES;
import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.REORDER_POINTS;
import static io.wms.jooq.Tables.RESERVATIONS;
import static io.wms.jooq.Tables.RESERVATION_LINES;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static io.wms.jooq.Tables.WAREHOUSES;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.wms.core.error.DatabaseException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ReferencedException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.core.error.WmsException;
import io.wms.jooq.Indexes;
import io.wms.jooq.Keys;
import io.wms.jooq.Public;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver and jOOQ exceptions into the typed {@link WmsException}s of the API, so that no
 * {@link SQLException} or {@link DataAccessException} reaches a caller.
 *
 * <p>The translation reads only the facts of the server's error: its SQLSTATE and its structured fields (constraint,
 * table, column). It never reads the message or DETAIL text, which the server words in the language of its {@code
 * lc_messages} setting and which the library's connections do not even receive in their exception messages (pgjdbc's
 * {@code logServerErrorDetail} is off). Constraint violations are named after the rule they protect: the rules are
 * keyed by the constraint names of the generated jOOQ schema where jOOQ generates them, and the test {@code
 * ExceptionTranslatorTest} fails when a constraint of the migrated schema has no rule here.
 *
 * <p>Thread-safe: stateless.
 */
public final class ExceptionTranslator {

    /*
     * The case-insensitive unique indexes on lower(...) are expression indexes, which jOOQ does not generate: their
     * names are spelled here, and ExceptionTranslatorTest ties them to the migrated schema.
     */
    private static final String USERS_EMAIL_LIVE_KEY = "users_email_live_key";
    private static final String CATEGORIES_NAME_LIVE_KEY = "categories_name_live_key";
    private static final String BRANDS_NAME_LIVE_KEY = "brands_name_live_key";

    /** The field of a duplicate or violation when the database rule is not one the library knows. */
    static final String UNKNOWN_KEY = "key";
    /** The entity of a row in a table the library does not know. */
    static final String UNKNOWN_ENTITY = "row";
    /** The rule of a violation of a check the library does not know. */
    static final String UNKNOWN_RULE = "constraint";

    private static final Violation REQUIRED_EMAIL = required("email");
    private static final Violation REQUIRED_NAME = required("name");
    private static final Violation NOT_NEGATIVE_QUANTITY =
            new Violation("quantity", Rule.NOT_NEGATIVE, "must not become negative");
    private static final Violation POSITIVE_QUANTITY =
            new Violation("quantity", Rule.POSITIVE, "must be greater than 0");
    private static final Violation LOCATION_CYCLE =
            new Violation("parentId", Rule.CYCLE, "must not be the location itself or lie inside it");
    private static final Violation SUM_OF_LOCATIONS = new Violation("quantity", Rule.SUM_OF_LOCATIONS,
            "must stay the sum of the batch's units over its locations");

    private static final Map<String, String> ENTITY_OF_TABLE = Map.ofEntries(
            Map.entry(USERS.getName(), "user"),
            Map.entry(ROLES.getName(), "role"),
            Map.entry(USER_ROLES.getName(), "role assignment"),
            Map.entry(CATEGORIES.getName(), "category"),
            Map.entry(BRANDS.getName(), "brand"),
            Map.entry(PRODUCTS.getName(), "product"),
            Map.entry(PRODUCT_BATCHES.getName(), "batch"),
            Map.entry(PRODUCT_BATCH_TRACKS.getName(), "ledger row"),
            Map.entry(IDEMPOTENCY_KEYS.getName(), "idempotency key"),
            Map.entry(WAREHOUSES.getName(), "warehouse"),
            Map.entry(LOCATIONS.getName(), "location"),
            Map.entry(BATCH_LOCATIONS.getName(), "stock at a location"),
            Map.entry(CYCLE_COUNTS.getName(), "cycle count"),
            Map.entry(CYCLE_COUNT_LINES.getName(), "cycle count line"),
            Map.entry(RESERVATIONS.getName(), "reservation"),
            Map.entry(RESERVATION_LINES.getName(), "reservation line"),
            Map.entry(REORDER_POINTS.getName(), "reorder point"));

    private record Unique(String entity, String field) {
    }

    private static final Map<String, Unique> UNIQUE_KEYS = uniqueKeys();

    /** Each foreign key of the schema, by name, to the kind of row it must name. */
    private static final Map<String, String> REFERENCED_ENTITY = referencedEntities();

    private static final Map<String, Violation> CHECKS = Map.ofEntries(
            Map.entry("users_email_not_blank", REQUIRED_EMAIL),
            Map.entry("users_password_not_blank", required("password")),
            Map.entry("roles_name_not_blank", REQUIRED_NAME),
            Map.entry("categories_name_not_blank", REQUIRED_NAME),
            Map.entry("brands_name_not_blank", REQUIRED_NAME),
            Map.entry("products_name_not_blank", REQUIRED_NAME),
            Map.entry("product_batches_batch_number_not_blank", required("batchNumber")),
            Map.entry("product_batches_quantity_not_negative", NOT_NEGATIVE_QUANTITY),
            Map.entry("product_batches_status_known",
                    new Violation("status", Rule.KNOWN, "must be a known batch status")),
            Map.entry("product_batches_expiry_after_manufacturing",
                    new Violation("expiryDate", Rule.DATE_ORDER, "must not be before manufacturingDate")),
            Map.entry("product_batch_tracks_action_known",
                    new Violation("action", Rule.KNOWN, "must be a known ledger action")),
            Map.entry("product_batch_tracks_quantity_after_not_negative", NOT_NEGATIVE_QUANTITY),
            Map.entry("idempotency_keys_key_not_blank", required("idempotencyKey")),
            Map.entry("idempotency_keys_request_known", required("request")),
            Map.entry("product_batch_tracks_actor_name_not_blank", required("actorName")),
            Map.entry("product_batch_tracks_one_actor",
                    new Violation("actorName", Rule.PAIR, "must be empty when a user acts: a row names one actor")),
            Map.entry("product_batch_tracks_quantity_pair",
                    new Violation("quantityChange", Rule.PAIR, "and quantityAfter must be both set or both empty")),
            Map.entry("product_batch_tracks_location_named",
                    new Violation("locationId", Rule.REQUIRED, "is required on a row that moves a quantity")),
            Map.entry("warehouses_code_not_blank", required("code")),
            Map.entry("warehouses_name_not_blank", REQUIRED_NAME),
            Map.entry("locations_code_not_blank", required("code")),
            Map.entry("locations_name_not_blank", REQUIRED_NAME),
            Map.entry("locations_not_own_parent", LOCATION_CYCLE),
            Map.entry("locations_pick_sequence_not_negative",
                    new Violation("pickSequence", Rule.NOT_NEGATIVE, "must not be negative")),
            Map.entry("locations_default_active",
                    new Violation("active", Rule.BUILT_IN, "must stay true for a warehouse's default location")),
            Map.entry("batch_locations_quantity_not_negative", NOT_NEGATIVE_QUANTITY),
            Map.entry("cycle_counts_status_known",
                    new Violation("status", Rule.KNOWN, "must be a known cycle count status")),
            Map.entry("cycle_counts_one_scope",
                    new Violation("locationId", Rule.PAIR, "or productId must be given, not both")),
            Map.entry("cycle_counts_closed_pair",
                    new Violation("closedAt", Rule.PAIR, "is set exactly when the count is posted or cancelled")),
            Map.entry("cycle_count_lines_expected_not_negative",
                    new Violation("expectedQuantity", Rule.NOT_NEGATIVE, "must not be negative")),
            Map.entry("cycle_count_lines_counted_not_negative",
                    new Violation("countedQuantity", Rule.NOT_NEGATIVE, "must not be negative")),
            Map.entry("cycle_count_lines_counted_pair",
                    new Violation("countedAt", Rule.PAIR, "is set exactly when a counted quantity is")),
            Map.entry("batch_locations_reserved_not_negative",
                    new Violation("reserved", Rule.NOT_NEGATIVE, "must not become negative")),
            Map.entry("batch_locations_reserved_within_quantity", new Violation("quantity", Rule.RESERVED,
                    "must not go below the units open reservations hold: pick or cancel those reservations")),
            Map.entry("reservations_reference_not_blank", required("reference")),
            Map.entry("reservations_quantity_positive", POSITIVE_QUANTITY),
            Map.entry("reservations_status_known",
                    new Violation("status", Rule.KNOWN, "must be a known reservation status")),
            Map.entry("reservation_lines_quantity_positive", POSITIVE_QUANTITY),
            Map.entry("reorder_points_minimum_not_negative",
                    new Violation("minimumQuantity", Rule.NOT_NEGATIVE, "must not be negative")),
            Map.entry("reorder_points_maximum_above_minimum",
                    new Violation("maximumQuantity", Rule.MIN, "must be greater than minimumQuantity")));

    private ExceptionTranslator() {
    }

    private static Violation required(String field) {
        return new Violation(field, Rule.REQUIRED, "is required");
    }

    /**
     * The named unique rules, then every primary key of the generated schema, named by its columns: wms keys are
     * generated identities, so a duplicate primary key means a caller-chosen key such as an idempotency key.
     */
    private static Map<String, Unique> uniqueKeys() {
        Map<String, Unique> keys = new HashMap<>();
        keys.put(USERS_EMAIL_LIVE_KEY, new Unique("user", "email"));
        keys.put(Keys.ROLES_NAME_KEY.getName(), new Unique("role", "name"));
        keys.put(CATEGORIES_NAME_LIVE_KEY, new Unique("category", "name"));
        keys.put(BRANDS_NAME_LIVE_KEY, new Unique("brand", "name"));
        keys.put(Indexes.PRODUCT_BATCHES_BATCH_NUMBER_LIVE_KEY.getName(), new Unique("batch", "batch number"));
        keys.put(Keys.WAREHOUSES_CODE_KEY.getName(), new Unique("warehouse", "code"));
        keys.put(Keys.LOCATIONS_CODE_KEY.getName(), new Unique("location", "code"));
        keys.put(Keys.LOCATIONS_WAREHOUSE_ID_ID_KEY.getName(), new Unique("location", "id"));
        keys.put(Indexes.WAREHOUSES_ONE_DEFAULT.getName(), new Unique("warehouse", "isDefault"));
        keys.put(Indexes.LOCATIONS_ONE_DEFAULT.getName(), new Unique("location", "isDefault"));
        for (Table<?> table : Public.PUBLIC.getTables()) {
            UniqueKey<?> primaryKey = table.getPrimaryKey();
            if (primaryKey != null) {
                String columns = primaryKey.getFields().stream()
                        .map(field -> fieldName(field.getName()))
                        .collect(Collectors.joining(", "));
                keys.putIfAbsent(primaryKey.getName(), new Unique(entityOf(table.getName()), columns));
            }
        }
        return Map.copyOf(keys);
    }

    private static Map<String, String> referencedEntities() {
        Map<String, String> referenced = new HashMap<>();
        for (Table<?> table : Public.PUBLIC.getTables()) {
            for (ForeignKey<?, ?> foreignKey : table.getReferences()) {
                referenced.put(foreignKey.getName(), entityOf(foreignKey.getKey().getTable().getName()));
            }
        }
        return Map.copyOf(referenced);
    }

    /**
     * Returns the names of every constraint and unique index this class has a rule for, so that a test can tie them
     * to the migrated schema.
     *
     * @return constraint names; never {@code null}
     */
    static Set<String> constraintsWithRules() {
        return Stream.of(UNIQUE_KEYS.keySet(), REFERENCED_ENTITY.keySet(), CHECKS.keySet())
                .flatMap(Set::stream)
                .collect(Collectors.toUnmodifiableSet());
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

    /**
     * Runs one statement that may meet a uniqueness rule, and names the value it wrote in the {@link
     * DuplicateException} if it does: the server's error names the rule but not the value (that is only in its DETAIL
     * text, which the library does not read).
     *
     * @param takenValue the value the statement writes to the unique column, as the caller gave it; may be {@code null}
     * @param statement  the statement; never {@code null}
     * @param <T>        what the statement returns
     * @return what the statement returned
     * @throws DuplicateException if the statement met a duplicate, naming {@code takenValue}; any other failure is
     *                            rethrown as it was
     */
    public static <T> T naming(Object takenValue, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (RuntimeException failure) {
            if (translate(failure) instanceof DuplicateException duplicate && duplicate.value() == null) {
                throw new DuplicateException(duplicate.entity(), duplicate.field(), takenValue, duplicate.getCause());
            }
            throw failure;
        }
    }

    private static RuntimeException translate(SQLException sqlException, Throwable failure) {
        String sqlState = sqlException.getSQLState();
        ServerErrorMessage server = sqlException instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        String table = server == null ? null : server.getTable();
        String column = server == null ? null : server.getColumn();
        String message = server == null || server.getMessage() == null ? sqlException.getMessage() : server.getMessage();

        if (sqlException instanceof SQLTransientConnectionException) {
            return new RetryableException("No database connection available: " + message, sqlState, failure);
        }
        if (sqlState == null) {
            return new RetryableException("The database connection failed: " + message, null, failure);
        }
        switch (sqlState) {
            case SqlStates.UNIQUE_VIOLATION, SqlStates.EXCLUSION_VIOLATION: {
                Unique unique = constraint == null ? null : UNIQUE_KEYS.get(constraint);
                return unique != null
                        ? new DuplicateException(unique.entity(), unique.field(), null, failure)
                        : new DuplicateException(entityOf(table), UNKNOWN_KEY, null, failure);
            }
            case SqlStates.FOREIGN_KEY_VIOLATION: {
                // Every foreign key of the schema has a delete action (CASCADE or SET NULL), so removing a wms row
                // never breaks one of them: breaking one means naming a row that does not exist.
                String referenced = constraint == null ? null : REFERENCED_ENTITY.get(constraint);
                return referenced != null
                        ? new NotFoundException(referenced, null)
                        : stillReferenced(table, constraint, failure);
            }
            case SqlStates.RESTRICT_VIOLATION:
                return stillReferenced(table, constraint, failure);
            case SqlStates.CHECK_VIOLATION: {
                Violation violation = constraint == null ? null : CHECKS.get(constraint);
                if (violation == null) {
                    violation = new Violation(column == null ? "value" : fieldName(column), UNKNOWN_RULE,
                            "breaks the database rule " + (constraint == null ? "of " + table : constraint));
                }
                return new ValidationException("data", List.of(violation), failure);
            }
            case SqlStates.NOT_NULL_VIOLATION:
                return new ValidationException("data", List.of(required(column == null ? "value" : fieldName(column))),
                        failure);
            case SqlStates.STRING_DATA_RIGHT_TRUNCATION:
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.MAX_LENGTH, "is too long for its column")), failure);
            case SqlStates.CHARACTER_NOT_IN_REPERTOIRE, SqlStates.UNTRANSLATABLE_CHARACTER:
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.ENCODING, "contains a character PostgreSQL cannot store")),
                        failure);
            case SqlStates.NUMERIC_VALUE_OUT_OF_RANGE, SqlStates.DATETIME_FIELD_OVERFLOW:
                return new ValidationException("data",
                        List.of(new Violation("value", Rule.RANGE, "is out of range: " + message)), failure);
            case SqlStates.LEDGER_IS_APPEND_ONLY:
                return new DatabaseException(message, sqlState, failure);
            case SqlStates.BATCH_SUM_OF_LOCATIONS:
                return new ValidationException("data", List.of(SUM_OF_LOCATIONS), failure);
            case SqlStates.LOCATION_CYCLE:
                return new ValidationException("data", List.of(LOCATION_CYCLE), failure);
            case SqlStates.LEDGER_PURGE_NEEDS_OWNER:
                return new ReferencedException("The batch's ledger rows keep its history: only the owner of the wms "
                        + "tables may purge a batch that has them (" + message + ")", failure);
            default:
                break;
        }
        if (SqlStates.isRetryable(sqlState)) {
            return new RetryableException("The database asked to retry (" + sqlState + "): " + message, sqlState,
                    failure);
        }
        return new DatabaseException("The database refused (" + sqlState + "): " + message, sqlState, failure);
    }

    /** A row the operation would remove is named by a row of another table, through a foreign key wms did not make. */
    private static ReferencedException stillReferenced(String table, String constraint, Throwable failure) {
        return new ReferencedException("Still referenced from table " + table + " by its foreign key " + constraint,
                failure);
    }

    private static String entityOf(String table) {
        return table == null ? UNKNOWN_ENTITY : ENTITY_OF_TABLE.getOrDefault(table, UNKNOWN_ENTITY);
    }

    /** The API's name of a column: {@code batch_number} is {@code batchNumber}. */
    private static String fieldName(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
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
