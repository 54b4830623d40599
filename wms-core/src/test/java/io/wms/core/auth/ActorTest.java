package io.wms.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void actorsAreBuiltOnlyByTheNamedFactories() {
        assertThat(Actor.class.getConstructors()).isEmpty();
    }

    @Test
    void theDefaultSystemActorMayDoEverythingButPurge() {
        Actor sweep = Actor.system("expiry-sweep");

        assertThat(sweep.permissions()).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.PURGE_DATA)));
        assertThat(sweep.isSystem()).isTrue();
        assertThat(sweep.userId()).isNull();
    }

    @Test
    void purgingIsGrantedToASystemActorOnlyByName() {
        Actor retention = Actor.system("retention", Set.of(Permission.PURGE_DATA));

        assertThat(retention.can(Permission.PURGE_DATA)).isTrue();
        assertThat(retention.can(Permission.READ_CATALOG)).isFalse();
    }

    @Test
    void aSystemActorNeedsANameTheLedgerCanHold() {
        assertThatThrownBy(() -> Actor.system("  ")).isInstanceOfSatisfying(ValidationException.class,
                failure -> assertThat(failure.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "required")));
        assertThatThrownBy(() -> Actor.system("x".repeat(Actor.MAX_SYSTEM_NAME_LENGTH + 1)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::rule).containsExactly("max_length"));
    }

    @Test
    void aUserActorNeedsItsPermissions() {
        assertThatThrownBy(() -> Actor.ofUser(7, "ann@example.com", null))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::field).containsExactly("permissions"));
    }

    @Test
    void aUserActorIsNoSystemActor() {
        Actor ann = Actor.ofUser(7, "ann@example.com", Set.of(Permission.PICK_STOCK));

        assertThat(ann.isSystem()).isFalse();
        assertThat(ann.userId()).isEqualTo(7);
        assertThat(ann).isEqualTo(Actor.ofUser(7, "ann@example.com", EnumSet.of(Permission.PICK_STOCK)));
    }
}
