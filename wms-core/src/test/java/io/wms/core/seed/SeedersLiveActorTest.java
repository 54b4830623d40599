package io.wms.core.seed;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.auth.Permission;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.repository.NewUser;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeders {@link Seeding#seeders} hands out run later, outside the call that made them: each checks its actor
 * against the live users when it runs, as every other call of the API does.
 */
class SeedersLiveActorTest {

    private static final SeedOptions FIRST_ADMIN_AND_DEMO = SeedOptions.rolesOnly()
            .withFirstAdmin("eve@example.com", "correct horse")
            .withDemoData(true);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    @BeforeEach
    void roles() {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
    }

    private long user(String email) {
        return extension.wms().users().create(ADMIN, new NewUser(email, "correct horse")).id();
    }

    private static Seeder seederOf(List<Seeder> seeders, String table) {
        return seeders.stream().filter(seeder -> seeder.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void aForgedActorOfADeletedUserCreatesNoAdmin() {
        long mallory = user("mallory@example.com");
        Actor forged = Actor.ofUser(mallory, "mallory@example.com", EnumSet.allOf(Permission.class));
        List<Seeder> seeders = extension.wms().seeding().seeders(FIRST_ADMIN_AND_DEMO);
        extension.wms().users().delete(ADMIN, mallory);

        assertThatThrownBy(() -> seederOf(seeders, "users").seed(forged))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(USERS, USERS.EMAIL.eq("eve@example.com")))
                .as("no first admin was created").isZero();
    }

    @Test
    void everySeederRefusesTheActorOfAUserDeletedAfterTheSeedersWereObtained() {
        long ann = user("ann@example.com");
        extension.wms().roles().assign(ADMIN, ann, "admin");
        Actor annsSession = extension.wms().auth().actorFor(ann);
        List<Seeder> seeders = extension.wms().seeding().seeders(FIRST_ADMIN_AND_DEMO);
        extension.wms().roles().assign(ADMIN, user("bob@example.com"), "admin");
        extension.wms().users().delete(ADMIN, ann);

        for (Seeder seeder : seeders) {
            assertThatThrownBy(() -> seeder.seed(annsSession)).as(seeder.table())
                    .isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(extension.sql().fetchCount(CATEGORIES)).as("no demo category was added").isZero();
    }

    @Test
    void aSeederRefusesAUserWhoseRoleWasRevokedSinceTheirActorWasBuilt() {
        long ann = user("ann@example.com");
        extension.wms().roles().assign(ADMIN, ann, "manager");
        Actor annsSession = extension.wms().auth().actorFor(ann);
        extension.wms().roles().revoke(ADMIN, ann, "manager");

        assertThatThrownBy(() -> seederOf(extension.wms().seeding().seeders(FIRST_ADMIN_AND_DEMO), "categories")
                .seed(annsSession)).isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(CATEGORIES)).as("no demo category was added").isZero();
    }

    @Test
    void aLiveUserWithThePermissionStillSeeds() {
        long ann = user("ann@example.com");
        extension.wms().roles().assign(ADMIN, ann, "manager");

        int added = seederOf(extension.wms().seeding().seeders(FIRST_ADMIN_AND_DEMO), "categories")
                .seed(extension.wms().auth().actorFor(ann));

        assertThat(added).isPositive();
    }
}
