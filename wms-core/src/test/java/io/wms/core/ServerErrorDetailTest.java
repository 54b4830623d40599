package io.wms.core;

import static io.wms.core.testing.TestConfigs.configFor;
import static io.wms.core.testing.TestConfigs.messagesOfCauseChain;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.ValidationException;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.SqlStates;
import io.wms.core.repository.NewUser;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The connections wms opens do not carry the server's DETAIL text ("Failing row contains (...)", "Key (...)=(...)
 * already exists") into exception messages, and the typed errors stay as informative without it.
 */
class ServerErrorDetailTest {

    private static final String BCRYPT_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private WmsConfig config() {
        return configFor(extension.database()).maxConnections(2).idleConnections(0).build();
    }

    /** Inserts a user whose blank e-mail breaks users_email_not_blank, on a connection of the given pool. */
    private PSQLException blankEmailRefused(HikariDataSource pool) {
        return catchThrowableOfType(PSQLException.class, () -> {
            try (Connection connection = pool.getConnection()) {
                connection.setSchema(config().schema());
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into users (email, password) values (?, ?)")) {
                    insert.setString(1, " ");
                    insert.setString(2, BCRYPT_HASH);
                    insert.executeUpdate();
                }
            }
        });
    }

    @Test
    void aFailingCheckOnUsersNeverPutsTheHashIntoTheErrorOrItsCauses() {
        try (HikariDataSource pool = openPool(config())) {
            RuntimeException translated = ExceptionTranslator.translate(blankEmailRefused(pool));

            assertThat(translated).isInstanceOfSatisfying(ValidationException.class,
                    invalid -> assertThat(invalid.hasViolation("email")).isTrue());
            assertThat(messagesOfCauseChain(translated)).noneMatch(message -> message.contains(BCRYPT_HASH))
                    .noneMatch(message -> message.contains("Failing row"));
        }
    }

    @Test
    void theErrorsStructuredFieldsArriveWithoutTheDetailText() {
        try (HikariDataSource pool = openPool(config())) {
            PSQLException refused = blankEmailRefused(pool);
            ServerErrorMessage server = refused.getServerErrorMessage();

            assertThat(refused.getMessage()).doesNotContain("Failing row");
            assertThat(server.getSQLState()).isEqualTo(SqlStates.CHECK_VIOLATION);
            assertThat(server.getConstraint()).isEqualTo("users_email_not_blank");
            assertThat(server.getTable()).isEqualTo("users");
            assertThat(server.getSchema()).isNotBlank();
        }
    }

    @Test
    void aDuplicateEmailNamesTheValueSentButNotTheStoredRow() {
        try (Wms wms = Wms.builder().config(config()).build()) {
            wms.users().create(ADMIN, new NewUser("ann@example.com", "correct horse battery staple"));

            Throwable failure = catchThrowable(
                    () -> wms.users().create(ADMIN, new NewUser("ANN@example.com", "correct horse battery staple")));

            assertThat(failure).isInstanceOfSatisfying(DuplicateException.class, duplicate -> {
                assertThat(duplicate.entity()).isEqualTo("user");
                assertThat(duplicate.field()).isEqualTo("email");
                assertThat(duplicate.value()).isEqualTo("ANN@example.com");
            });
            assertThat(messagesOfCauseChain(failure)).noneMatch(message -> message.contains("ann@example.com"))
                    .noneMatch(message -> message.contains("$2"));
        }
    }

    /** Opens wms's own pool for a configuration, in its schema, as {@link Wms#create(WmsConfig)} does. */
    private static HikariDataSource openPool(WmsConfig config) {
        return ConnectionSettings.open(config, config.schema());
    }
}
