package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.auth.Actor;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.auth.Permission;
import io.wms.core.model.User;
import io.wms.core.repository.NewUser;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of the README's "Users, login and permissions" section, compiled and run as it is printed there.
 */
class ReadmeUsersExampleTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    @Test
    void readmeExampleCreatesAUserLogsInAndChecksAPermission() {
        Wms wms = extension.wms();

        // readme-snippet: users
        Actor system = Actor.system("setup");
        wms.seeding().run(system, SeedOptions.fromEnv());                  // the four roles (+ admin from env)
        User ann = wms.users().create(system, new NewUser("ann@example.com", "correct horse"));
        wms.roles().assign(system, ann.id(), "operator");

        Actor actor = wms.auth().authenticate("Ann@Example.com", "correct horse").actor();
        boolean mayPick = actor.can(Permission.PICK_STOCK);               // true: operators pick
        actor.require(Permission.RECEIVE_STOCK);                          // passes; throws PermissionDeniedException if not
        boolean mayManageUsers = actor.can(Permission.MANAGE_USERS);      // false
        // readme-snippet-end

        assertThat(mayPick).isTrue();
        assertThat(mayManageUsers).isFalse();
        assertThat(actor.userId()).isEqualTo(ann.id());
    }
}
