package io.wms.core.monitoring;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Permission;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.testing.TestSql;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MonitoringTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private Monitoring monitoring() {
        return extension.wms().monitoring();
    }

    @Test
    void healthReportsAnAnsweringDatabase() {
        Health health = monitoring().health(ADMIN);

        assertThat(health.up()).isTrue();
        assertThat(health.serverVersion()).startsWith("18");
        assertThat(health.problem()).isNull();
        assertThat(health.responseTime()).isPositive();
    }

    @Test
    void healthReportsAPoolThatCannotConnectWithoutThrowing() {
        WmsConfig config = WmsConfig.builder().host(extension.database().host()).port(extension.database().port())
                .databaseName(extension.database().databaseName()).username(extension.database().username())
                .maxConnections(2).idleConnections(0).build();
        Wms wms = Wms.create(config);
        wms.close();

        Health health = wms.monitoring().health(ADMIN);

        assertThat(health.up()).isFalse();
        assertThat(health.problem()).isNotBlank();
        assertThat(health.serverVersion()).isNull();
    }

    @Test
    void poolStatisticsShowAHeldConnectionAsInUse() throws Exception {
        PoolStatistics before = monitoring().poolStatistics(ADMIN).orElseThrow();

        try (Connection held = extension.pool().getConnection()) {
            PoolStatistics during = monitoring().poolStatistics(ADMIN).orElseThrow();

            assertThat(during.inUse()).isEqualTo(before.inUse() + 1);
            assertThat(during.openConnections()).isGreaterThanOrEqualTo(during.inUse() + during.idle() - 1);
            assertThat(during.maxOpenConnections()).isEqualTo(12);
        }
        assertThat(monitoring().poolStatistics(ADMIN).orElseThrow().inUse()).isEqualTo(before.inUse());
    }

    @Test
    void poolStatisticsOfAnOwnPoolCountAcquisitions() {
        WmsConfig config = WmsConfig.builder().host(extension.database().host()).port(extension.database().port())
                .databaseName(extension.database().databaseName()).username(extension.database().username())
                .maxConnections(2).idleConnections(0).build();
        try (Wms wms = Wms.create(config)) {
            long before = wms.monitoring().poolStatistics(ADMIN).orElseThrow().acquisitions();

            wms.categories().list(ADMIN);
            wms.categories().list(ADMIN);

            PoolStatistics after = wms.monitoring().poolStatistics(ADMIN).orElseThrow();
            assertThat(after.acquisitions()).isGreaterThanOrEqualTo(before + 2);
            assertThat(after.acquisitionTime()).isPositive();
            assertThat(after.timeouts()).isZero();
        }
    }

    @Test
    void tableSizesCoverEveryTable() {
        assertThat(monitoring().tableSizes(ADMIN)).extracting(TableSize::table)
                .contains("users", "roles", "user_roles", "categories", "brands", "products", "product_batches",
                        "product_batch_tracks");
        assertThat(monitoring().tableSizes(ADMIN)).allSatisfy(size -> assertThat(size.totalBytes()).isPositive());
    }

    @Test
    void indexUsageGrowsAfterAQueryThatUsesTheIndex() throws Exception {
        extension.sql().insertInto(PRODUCTS, PRODUCTS.NAME).values("Widget").execute();
        long before = scansOf("products_pkey");

        // A connection of its own, closed at once: a backend reports its statistics when it ends.
        try (Connection connection = extension.database().dataSource().getConnection()) {
            DSLContext own = TestSql.on(connection);
            own.execute("set enable_seqscan = off");
            own.selectFrom(PRODUCTS).where(PRODUCTS.ID.eq(1L)).fetch();
        }

        assertThat(eventually(() -> scansOf("products_pkey"), scans -> scans > before)).isGreaterThan(before);
    }

    @Test
    void connectionStatesCountAnOpenConnection() throws Exception {
        try (Connection held = extension.pool().getConnection()) {
            assertThat(monitoring().connectionStates(ADMIN))
                    .extracting(ConnectionStateCount::connections)
                    .isNotEmpty()
                    .allSatisfy(count -> assertThat(count).isPositive());
            assertThat(monitoring().connectionStates(ADMIN)).extracting(ConnectionStateCount::state).contains("active");
        }
    }

    @Test
    void slowStatementsSayHowToInstallTheExtensionWhenItIsMissing() {
        SlowStatements slow = monitoring().slowStatements(ADMIN, 10);

        assertThat(slow.available()).isFalse();
        assertThat(slow.unavailableReason()).contains("not installed").contains("shared_preload_libraries");
        assertThat(slow.statements()).isEmpty();
    }

    @Test
    void slowStatementsListTheSlowestWhenTheExtensionIsInstalled() {
        extension.sql().execute("create extension pg_stat_statements");
        extension.sql().execute("select pg_sleep(0.05)");

        SlowStatements slow = monitoring().slowStatements(ADMIN, 5);

        assertThat(slow.available()).isTrue();
        assertThat(slow.statements()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(slow.statements().get(0).meanTime()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void slowStatementsListNoStatementOfAnotherRole() throws Exception {
        String otherApplication = "other_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        extension.sql().execute("create extension pg_stat_statements");
        extension.sql().execute("create role " + otherApplication);
        try (Connection connection = extension.pool().getConnection()) {
            DSLContext other = DSL.using(connection, SQLDialect.POSTGRES);
            other.execute("set role " + otherApplication);
            other.execute("select pg_sleep(0.06) as other_applications_statement");
            other.execute("reset role");
            extension.sql().execute("select pg_sleep(0.05) as wms_statement");

            SlowStatements slow = monitoring().slowStatements(ADMIN, Monitoring.MAX_SLOW_STATEMENTS);

            assertThat(slow.statements()).extracting(SlowStatement::query)
                    .anyMatch(query -> query.contains("wms_statement"))
                    .noneMatch(query -> query.contains("other_applications_statement"));
        } finally {
            extension.sql().execute("drop role " + otherApplication);
        }
    }

    @Test
    void slowStatementsRefuseALimitOutOfRange() {
        assertThatThrownBy(() -> monitoring().slowStatements(ADMIN, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> monitoring().slowStatements(ADMIN, 101)).isInstanceOf(ValidationException.class);
    }

    @Test
    void everyFigureNeedsTheMonitoringPermission() {
        var clerk = WmsExtension.actor(Permission.READ_CATALOG);

        assertThatThrownBy(() -> monitoring().health(clerk)).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("READ_MONITORING");
        assertThatThrownBy(() -> monitoring().poolStatistics(clerk)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> monitoring().tableSizes(clerk)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> monitoring().indexUsage(clerk)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> monitoring().connectionStates(clerk)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> monitoring().slowStatements(clerk, 5)).isInstanceOf(PermissionDeniedException.class);
    }

    private long scansOf(String index) {
        return monitoring().indexUsage(ADMIN).stream().filter(usage -> usage.index().equals(index))
                .mapToLong(IndexUsage::scans).findFirst().orElseThrow();
    }

    /**
     * Reads until the value is done or a minute has passed: a backend reports its statistics as it exits, after the
     * client has closed it, which a loaded machine may take seconds to get to.
     */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }
}
