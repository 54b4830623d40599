package io.wms.examples;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.model.Category;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.ProductGroupChanges;

/**
 * The README's "Embedding it" example: open wms from configuration, write, and use a transaction.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the example against the database a configuration names.
     *
     * @param config the configuration; the README's version reads it with {@link WmsConfig#fromEnv()}
     */
    public static void run(WmsConfig config) {
        // readme-snippet: embedding
        try (Wms wms = Wms.create(config)) {      // a HikariCP pool, a ping, and the migrations if DB_AUTO_MIGRATE=true
            Actor setup = Actor.system("setup");
            Category food = wms.categories().create(setup, new NewProductGroup("Food", "Things to eat"));
            wms.useTransaction(tx -> {            // several calls, one transaction
                tx.brands().create(setup, new NewProductGroup("Acme", null));
                tx.categories().update(setup, food.id(), new ProductGroupChanges("Groceries", null, food.version()));
            });
        }
        // readme-snippet-end
    }

    /**
     * Runs the example with the configuration from the environment ({@code DB_HOST}, {@code DB_PORT}, ...).
     *
     * @param arguments ignored
     */
    public static void main(String[] arguments) {
        WmsConfig config = WmsConfig.fromEnv();   // DB_HOST, DB_PORT, DB_USER, ... with the GO-WMS defaults
        run(config);
    }
}
