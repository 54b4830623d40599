package io.wms.core.internal;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.testing.WmsExtension;
import io.wms.migration.WmsMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ties the translation rules to the migrated schema, and proves that translation reads the facts of a server error
 * (SQLSTATE, constraint, table, column), never its wording.
 *
 * <p>Each constraint of the schema is raised by a real PostgreSQL error carrying the same SQLSTATE and structured
 * fields the server sends when the constraint refuses a row, but worded in German: a server with another {@code
 * lc_messages} words its errors differently, and the translation must not notice.
 */
class ExceptionTranslatorTest {

    /**
     * Raises the error the server raises for a refused constraint, with its facts and in another language. Not-null
     * constraints (contype 'n', PostgreSQL 18) are left out: they are translated by column, whatever their name.
     */
    private static final String RAISE_VIOLATION = """
            create function pg_temp.raise_violation(sql_state text, constraint_name text, table_name text)
                returns void language plpgsql as $$
            begin
                raise exception using errcode = sql_state, message = 'Regel verletzt',
                    detail = 'Schlüssel existiert bereits oder fehlt', constraint = constraint_name,
                    table = table_name, schema = current_schema();
            end $$""";

    /**
     * Every constraint of the schema's tables that can refuse a row, and every unique index that is not a
     * constraint's: primary keys are included (their rule comes from the generated primary keys), the history table
     * of Flyway is not.
     */
    private static final String CONSTRAINTS = """
            select c.conname, t.relname, c.contype::text
              from pg_constraint c
              join pg_class t on t.oid = c.conrelid
             where t.relnamespace = current_schema()::regnamespace and t.relname <> ?
               and c.contype in ('p', 'u', 'f', 'c', 'x')
            union all
            select i.relname, t.relname, 'i'
              from pg_index x
              join pg_class i on i.oid = x.indexrelid
              join pg_class t on t.oid = x.indrelid
             where t.relnamespace = current_schema()::regnamespace and t.relname <> ? and x.indisunique
               and not exists (select 1 from pg_constraint c
                                where c.conindid = x.indexrelid and c.conrelid = x.indrelid
                                  and c.contype in ('p', 'u', 'x'))
             order by 1""";

    private static final String FOREIGN_KEYS_WITHOUT_DELETE_ACTION = """
            select c.conname
              from pg_constraint c
              join pg_class t on t.oid = c.conrelid
             where t.relnamespace = current_schema()::regnamespace and c.contype = 'f'
               and c.confdeltype not in ('c', 'n', 'd')""";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private record Constraint(String name, String table, String type) {

        String sqlState() {
            return switch (type) {
                case "f" -> SqlStates.FOREIGN_KEY_VIOLATION;
                case "c" -> SqlStates.CHECK_VIOLATION;
                case "x" -> SqlStates.EXCLUSION_VIOLATION;
                default -> SqlStates.UNIQUE_VIOLATION;
            };
        }
    }

    private List<Constraint> constraintsOfTheSchema() throws SQLException {
        List<Constraint> constraints = new ArrayList<>();
        try (Connection connection = extension.pool().getConnection();
             PreparedStatement query = connection.prepareStatement(CONSTRAINTS)) {
            query.setString(1, WmsMigrations.HISTORY_TABLE);
            query.setString(2, WmsMigrations.HISTORY_TABLE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constraints.add(new Constraint(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return constraints;
    }

    /** Raises a constraint's violation in German on one connection and returns the translation. */
    private static RuntimeException translatedViolation(Connection connection, String sqlState, String constraint,
                                                        String table) {
        try (PreparedStatement raise = connection.prepareStatement("select pg_temp.raise_violation(?, ?, ?)")) {
            raise.setString(1, sqlState);
            raise.setString(2, constraint);
            raise.setString(3, table);
            raise.execute();
        } catch (SQLException refused) {
            return ExceptionTranslator.translate(refused);
        }
        throw new AssertionError("the server raised nothing for " + constraint);
    }

    /** Whether a translation is the constraint's own rule, not the fallback for a rule the library does not know. */
    private static boolean isTranslated(Constraint constraint, RuntimeException translation) {
        return switch (constraint.type()) {
            case "f" -> translation instanceof NotFoundException notFound
                    && !ExceptionTranslator.UNKNOWN_ENTITY.equals(notFound.entity());
            case "c" -> translation instanceof ValidationException invalid
                    && invalid.violations().stream()
                            .noneMatch(violation -> ExceptionTranslator.UNKNOWN_RULE.equals(violation.rule()));
            default -> translation instanceof DuplicateException duplicate
                    && !ExceptionTranslator.UNKNOWN_ENTITY.equals(duplicate.entity())
                    && !ExceptionTranslator.UNKNOWN_KEY.equals(duplicate.field());
        };
    }

    @Test
    void everyConstraintOfTheMigratedSchemaHasATranslation() throws SQLException {
        List<Constraint> constraints = constraintsOfTheSchema();
        List<String> untranslated = new ArrayList<>();
        try (Connection connection = extension.pool().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(RAISE_VIOLATION);
            for (Constraint constraint : constraints) {
                RuntimeException translation = translatedViolation(connection, constraint.sqlState(),
                        constraint.name(), constraint.table());
                if (!isTranslated(constraint, translation)) {
                    untranslated.add(constraint.name() + " -> " + translation);
                }
            }
        }

        assertThat(constraints).extracting(Constraint::type).contains("p", "u", "f", "c", "i");
        assertThat(untranslated).as("constraints without a translation in ExceptionTranslator").isEmpty();
    }

    @Test
    void anUnknownConstraintGetsTheFallbackTheCoverageTestLooksFor() throws SQLException {
        try (Connection connection = extension.pool().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(RAISE_VIOLATION);

            assertThat(isTranslated(new Constraint("products_sku_key", "products", "u"),
                    translatedViolation(connection, SqlStates.UNIQUE_VIOLATION, "products_sku_key", "products")))
                    .isFalse();
            assertThat(isTranslated(new Constraint("products_sku_not_blank", "products", "c"),
                    translatedViolation(connection, SqlStates.CHECK_VIOLATION, "products_sku_not_blank", "products")))
                    .isFalse();
        }
    }

    @Test
    void everyTranslatedConstraintExistsInTheMigratedSchema() throws SQLException {
        List<String> names = constraintsOfTheSchema().stream().map(Constraint::name).toList();

        assertThat(names).containsAll(ExceptionTranslator.constraintsWithRules());
    }

    @Test
    void everyForeignKeyOfTheSchemaHasADeleteActionSoBreakingOneMeansAMissingRow() {
        assertThat(extension.sql().fetch(FOREIGN_KEYS_WITHOUT_DELETE_ACTION)).isEmpty();
    }

    @Test
    void aDuplicateWordedInAnotherLanguageIsTheSameDuplicateAsTheServersOwn() throws SQLException {
        extension.wms().categories().create(ADMIN, new NewProductGroup("Food", null));
        DuplicateException real = (DuplicateException) ExceptionTranslator.translate(
                catchThrowable(() -> extension.sql()
                        .execute("insert into categories (name) values ('FOOD')")));

        RuntimeException german;
        try (Connection connection = extension.pool().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(RAISE_VIOLATION);
            german = translatedViolation(connection, SqlStates.UNIQUE_VIOLATION, "categories_name_live_key",
                    "categories");
        }

        assertThat(german).isInstanceOfSatisfying(DuplicateException.class, duplicate -> {
            assertThat(duplicate.entity()).isEqualTo(real.entity()).isEqualTo("category");
            assertThat(duplicate.field()).isEqualTo(real.field()).isEqualTo("name");
        });
    }

    @Test
    void aDuplicateNameNamesTheValueTheCallerSent() {
        extension.wms().categories().create(ADMIN, new NewProductGroup("Food", null));

        assertThatThrownBy(() -> extension.wms().categories().create(ADMIN, new NewProductGroup(" FOOD ", null)))
                .isInstanceOfSatisfying(DuplicateException.class,
                        duplicate -> assertThat(duplicate.value()).isEqualTo("FOOD"))
                .hasMessage("a category named 'FOOD' already exists");
    }

    @Test
    void aMissingReferencedRowIsNotFoundNamingItsKind() {
        RuntimeException translation = ExceptionTranslator.translate(catchThrowable(
                () -> extension.sql().execute("insert into products (name, category_id) values ('Bread', 42)")));

        assertThat(translation).isInstanceOfSatisfying(NotFoundException.class,
                notFound -> assertThat(notFound.entity()).isEqualTo("category"));
    }

    @Test
    void aMissingValueIsRequiredNamingTheFieldInTheApisWords() {
        RuntimeException translation = ExceptionTranslator.translate(catchThrowable(
                () -> extension.sql().execute("insert into idempotency_keys (idempotency_key, operation, request) "
                        + "values ('k', null, 'r')")));

        assertThat(translation).isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(
                invalid.violations()).extracting("field", "rule").containsExactly(
                tuple("operation", "required")));
    }
}
