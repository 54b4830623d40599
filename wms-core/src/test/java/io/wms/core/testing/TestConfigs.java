package io.wms.core.testing;

import java.util.ArrayList;
import java.util.List;

import io.wms.core.WmsConfig;
import io.wms.testkit.WmsTestDatabase;

/**
 * Configurations for tests in which wms opens its own pool, and what a test reads from the failures it gets.
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * Starts a configuration for a test database, with a small pool.
     *
     * @param database the database; never {@code null}
     * @return a builder for more settings
     */
    public static WmsConfig.Builder configFor(WmsTestDatabase database) {
        return WmsConfig.builder()
                .host(database.host())
                .port(database.port())
                .databaseName(database.databaseName())
                .username(database.username())
                .password(database.password())
                .maxConnections(4)
                .idleConnections(1);
    }

    /**
     * Lists the message and the string form of a failure and of each of its causes: what a log could show of it.
     *
     * @param failure the failure; may be {@code null}
     * @return the texts, outermost first
     */
    public static List<String> messagesOfCauseChain(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
