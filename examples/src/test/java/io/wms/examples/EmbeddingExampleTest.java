package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.model.Category;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void embeddingExampleMigratesAndWritesInOneTransaction() {
        try (WmsTestDatabase database = WmsTestServer.shared().createEmptyDatabase()) {
            WmsConfig config = WmsConfig.builder()
                    .host(database.host()).port(database.port()).databaseName(database.databaseName())
                    .username(database.username()).password(database.password())
                    .build();

            EmbeddingExample.run(config);

            try (Wms wms = Wms.create(config)) {
                assertThat(wms.categories().list(Actor.system("test"))).extracting(Category::name).containsExactly("Groceries");
                assertThat(wms.brands().findByName(Actor.system("test"), "acme")).isPresent();
            }
        }
    }
}
