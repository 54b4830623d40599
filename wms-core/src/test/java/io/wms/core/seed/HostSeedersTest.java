package io.wms.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.error.ValidationException;
import io.wms.core.error.WmsException;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host registers its own seeders beside wms's: they run where the host says, in the same transaction and report.
 */
class HostSeedersTest {

    private static final Actor SYSTEM = Actor.system("seeder");

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    /** The host's own table of shelf labels, one per product, filled after wms has seeded its products. */
    private final HostSeeder shelfLabels = new HostSeeder() {
        @Override
        public String table() {
            return "shelf_labels";
        }

        @Override
        public String runsAfter() {
            return "products";
        }

        @Override
        public int seed(Actor actor, Connection connection) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into public.shelf_labels (product_id, label)
                    select id, upper(name) from wms.products
                    on conflict (product_id) do nothing""")) {
                return insert.executeUpdate();
            }
        }
    };

    @BeforeEach
    void createTheHostsTable() {
        extension.sql().execute("create table public.shelf_labels (product_id bigint primary key, label text not null)");
    }

    @Test
    void aHostSeederRunsRightAfterTheTableItNamesInTheSameReport() {
        List<SeededTable> report = extension.wms().seeding()
                .run(SYSTEM, SeedOptions.rolesOnly().withDemoData(true), List.of(shelfLabels));

        assertThat(report).extracting(SeededTable::table).containsExactly("roles", "users", "categories", "brands",
                "products", "shelf_labels", "product_batches", "product_batch_tracks");
        assertThat(report).filteredOn(seeded -> seeded.table().equals("shelf_labels")).singleElement()
                .satisfies(seeded -> assertThat(seeded.rowsAdded()).isEqualTo(6));
    }

    @Test
    void runningTheHostSeederAgainAddsNothing() {
        SeedOptions demo = SeedOptions.rolesOnly().withDemoData(true);
        extension.wms().seeding().run(SYSTEM, demo, List.of(shelfLabels));

        List<SeededTable> again = extension.wms().seeding().run(SYSTEM, demo, List.of(shelfLabels));

        assertThat(again).allSatisfy(seeded -> assertThat(seeded.rowsAdded()).as(seeded.table()).isZero());
    }

    @Test
    void aFailingHostSeederRollsBackWmsSeedsOfTheSameRun() {
        HostSeeder failing = new HostSeeder() {
            @Override
            public String table() {
                return "broken";
            }

            @Override
            public String runsAfter() {
                return "roles";
            }

            @Override
            public int seed(Actor actor, Connection connection) throws SQLException {
                throw new SQLException("the host's reference data is missing", "22023");
            }
        };

        assertThatThrownBy(() -> extension.wms().seeding().run(SYSTEM, SeedOptions.rolesOnly(), List.of(failing)))
                .isInstanceOf(WmsException.class);
        assertThat(extension.sql().fetchCount(extension.sql().selectFrom("wms.roles"))).isZero();
    }

    @Test
    void aHostSeederAfterATableNoSeederSeedsIsRefusedBeforeAnythingRuns() {
        HostSeeder lost = new HostSeeder() {
            @Override
            public String table() {
                return "lost";
            }

            @Override
            public String runsAfter() {
                return "warehouses";
            }

            @Override
            public int seed(Actor actor, Connection connection) {
                return 0;
            }
        };

        assertThatThrownBy(() -> extension.wms().seeding().run(SYSTEM, SeedOptions.rolesOnly(), List.of(lost)))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                        .extracting(violation -> violation.field() + ":" + violation.rule())
                        .containsExactly("runsAfter:known"));
        assertThat(extension.sql().fetchCount(extension.sql().selectFrom("wms.roles"))).isZero();
    }
}
