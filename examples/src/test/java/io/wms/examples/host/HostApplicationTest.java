package io.wms.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.DuplicateException;
import io.wms.core.repository.NewProductGroup;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a host application tests its own code that uses wms: the testkit's extension gives each test a migrated,
 * empty database (embedded PostgreSQL here; Testcontainers or an external server where available), and the test
 * opens wms on it exactly as the application does.
 */
class HostApplicationTest {

    /** An instance field: every test gets a database of its own. A static field would share one per class. */
    // readme-snippet: testkit
    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();
    // readme-snippet-end

    private Wms wms;

    @BeforeEach
    void openWms() {
        wms = Wms.create(database.dataSource());
    }

    @AfterEach
    void closeWms() {
        wms.close();
    }

    @Test
    void theApplicationCanCreateACategory() {
        wms.categories().create(Actor.system("host-test"), new NewProductGroup("Beverages", null));

        assertThat(wms.categories().findByName(Actor.system("test"), "beverages")).isPresent();
    }

    @Test
    void eachTestStartsFromAnEmptyDatabase() {
        assertThat(wms.categories().list(Actor.system("test"))).isEmpty();
    }

    @Test
    void theApplicationSeesTypedErrors() {
        Actor setup = Actor.system("host-test");
        wms.categories().create(setup, new NewProductGroup("Beverages", null));

        assertThatThrownBy(() -> wms.categories().create(setup, new NewProductGroup("BEVERAGES", null)))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("a category named");
    }
}
