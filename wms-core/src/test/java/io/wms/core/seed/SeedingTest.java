package io.wms.core.seed;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

import io.wms.core.model.BatchStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.wms.core.auth.Actor;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.ValidationException;
import io.wms.core.repository.NewUser;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeedingTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Actor SYSTEM = Actor.system("seeder");
    private static final List<Table<?>> TABLES = List.of(ROLES, USERS, USER_ROLES, CATEGORIES, BRANDS, PRODUCTS,
            PRODUCT_BATCHES, PRODUCT_BATCH_TRACKS);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder
            .passwordPolicy(new PasswordPolicy(10, 8))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .warehouseZone(ZoneOffset.UTC));

    private final SeedOptions everything = SeedOptions.rolesOnly()
            .withFirstAdmin("admin@example.com", "correct horse")
            .withDemoData(true);

    private String contents() {
        DSLContext sql = extension.sql();
        StringBuilder contents = new StringBuilder();
        for (Table<?> table : TABLES) {
            contents.append(table.getName()).append('\n')
                    .append(sql.selectFrom(table).orderBy(table.fields()[0]).fetch().formatCSV());
        }
        return contents.toString();
    }

    @Test
    void seedersRunInForeignKeyOrder() {
        assertThat(extension.wms().seeding().seeders(everything)).extracting(Seeder::table).containsExactly(
                "roles", "users", "categories", "brands", "products", "product_batches", "product_batch_tracks");
    }

    @Test
    void runningAllSeedersTwiceLeavesTheDataOfOneRun() {
        List<SeededTable> first = extension.wms().seeding().run(SYSTEM, everything);
        String afterOneRun = contents();

        List<SeededTable> second = extension.wms().seeding().run(SYSTEM, everything);

        assertThat(contents()).isEqualTo(afterOneRun);
        assertThat(first).allSatisfy(table -> assertThat(table.rowsAdded()).isPositive());
        assertThat(second).allSatisfy(table -> assertThat(table.rowsAdded()).isZero());
    }

    @Test
    void eachSeederAloneIsIdempotent() {
        for (Seeder seeder : extension.wms().seeding().seeders(everything)) {
            seeder.seed(SYSTEM);
            int rows = extension.sql().fetchCount(extension.sql().selectFrom(seeder.table()));
            seeder.seed(SYSTEM);
            assertThat(extension.sql().fetchCount(extension.sql().selectFrom(seeder.table())))
                    .as(seeder.table()).isEqualTo(rows);
        }
    }

    @Test
    void rolesAreTheSeedsFourWithTheirDescriptions() {
        extension.wms().seeding().run(SYSTEM, SeedOptions.rolesOnly());

        Map<String, String> roles = extension.sql().select(ROLES.NAME, ROLES.DESCRIPTION).from(ROLES)
                .fetchMap(ROLES.NAME, ROLES.DESCRIPTION);
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(
                "admin", "System Administrator",
                "manager", "Warehouse Manager",
                "operator", "Warehouse Operator",
                "viewer", "Read-only Access"));
    }

    @Test
    void withoutConfiguredAdminNoUserIsCreated() {
        extension.wms().seeding().run(SYSTEM, SeedOptions.fromEnv(Map.of()));

        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void withoutAnyAdminTheLogSaysHowToCreateOne() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            extension.wms().seeding().run(SYSTEM, SeedOptions.fromEnv(Map.of(
                    SeedOptions.ADMIN_EMAIL_VARIABLE, "boss@example.com")));
        } finally {
            System.setErr(original);
        }

        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("No admin exists")
                .contains(SeedOptions.ADMIN_EMAIL_VARIABLE)
                .contains(SeedOptions.ADMIN_PASSWORD_VARIABLE);
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void firstAdminComesFromTheEnvironmentAndCanLogIn() {
        SeedOptions options = SeedOptions.fromEnv(Map.of(
                SeedOptions.ADMIN_EMAIL_VARIABLE, "boss@example.com",
                SeedOptions.ADMIN_PASSWORD_VARIABLE, "correct horse"));

        extension.wms().seeding().run(SYSTEM, options);

        assertThat(extension.wms().auth().authenticate("boss@example.com", "correct horse").user().hasRole("admin"))
                .isTrue();
        assertThat(options.toString()).doesNotContain("correct horse");
    }

    private final SeedOptions firstAdminBoss = SeedOptions.rolesOnly().withFirstAdmin("boss@example.com",
            "correct horse");

    private boolean isLiveAdmin(String email) {
        return extension.sql().fetchExists(extension.sql().selectOne().from(USER_ROLES)
                .join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID))
                .join(ROLES).on(ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USERS.EMAIL.eq(email).and(USERS.DELETED_AT.isNull()).and(ROLES.NAME.eq("admin"))));
    }

    private long secondAdmin() {
        long bob = extension.wms().users().create(WmsExtension.ADMIN, new NewUser("bob@example.com", "bob's horse"))
                .id();
        extension.wms().roles().assign(WmsExtension.ADMIN, bob, "admin");
        return bob;
    }

    private long userId(String email) {
        return extension.sql().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchSingle().value1();
    }

    @Test
    void anExistingAccountWithTheAdminsAddressIsNeverPromoted() {
        extension.wms().seeding().run(SYSTEM, SeedOptions.rolesOnly());
        extension.wms().users().create(WmsExtension.ADMIN, new NewUser("boss@example.com", "stranger's horse"));

        extension.wms().seeding().run(SYSTEM, firstAdminBoss);

        assertThat(isLiveAdmin("boss@example.com")).isFalse();
        assertThat(extension.sql().fetchCount(USERS)).isOne();
    }

    @Test
    void rerunningTheSeedersDoesNotRegrantARevokedAdmin() {
        extension.wms().seeding().run(SYSTEM, firstAdminBoss);
        secondAdmin();
        extension.wms().roles().revoke(WmsExtension.ADMIN, userId("boss@example.com"), "admin");

        extension.wms().seeding().run(SYSTEM, firstAdminBoss);

        assertThat(isLiveAdmin("boss@example.com")).isFalse();
    }

    @Test
    void rerunningTheSeedersDoesNotRecreateADeletedAdmin() {
        extension.wms().seeding().run(SYSTEM, firstAdminBoss);
        secondAdmin();
        extension.wms().users().delete(WmsExtension.ADMIN, userId("boss@example.com"));

        extension.wms().seeding().run(SYSTEM, firstAdminBoss);

        assertThat(extension.sql().fetchCount(USERS, USERS.DELETED_AT.isNull())).isOne();
        assertThat(isLiveAdmin("boss@example.com")).isFalse();
    }

    @Test
    void firstAdminWithATooShortPasswordIsRefusedAndNothingIsSeeded() {
        assertThatThrownBy(() -> extension.wms().seeding().run(SYSTEM,
                SeedOptions.rolesOnly().withFirstAdmin("boss@example.com", "short")))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation(SeedOptions.ADMIN_PASSWORD_VARIABLE)).isTrue());
        assertThat(extension.sql().fetchCount(ROLES)).isZero();
    }

    @Test
    void everyDemoBatchIsProvedByItsLedger() {
        extension.wms().seeding().run(SYSTEM, everything);

        var ledger = extension.sql()
                .select(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY,
                        coalesce(sum(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE), java.math.BigDecimal.ZERO))
                .from(PRODUCT_BATCHES)
                .leftJoin(PRODUCT_BATCH_TRACKS).on(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .groupBy(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY)
                .fetch();
        assertThat(ledger).isNotEmpty().allSatisfy(row ->
                assertThat(row.value3().intValue()).as("batch %d", row.value1()).isEqualTo(row.value2()));
    }

    @Test
    void demoDataHasExpiredAndLowBatchesRelativeToTheClock() {
        extension.wms().seeding().run(SYSTEM, everything);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES, PRODUCT_BATCHES.EXPIRY_DATE.lt(today)))
                .isGreaterThanOrEqualTo(2);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES, PRODUCT_BATCHES.QUANTITY.le(10)
                .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE)))).isGreaterThanOrEqualTo(2);
    }
}
