package io.wms.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.error.RetryableException;
import io.wms.core.repository.ProductQuery;
import io.wms.core.testing.WmsExtension;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that stops answering without closing anything (a dropped route, a frozen machine) must not hang a caller:
 * the socket timeout turns the silent read into a retriable error, and the pool serves again once the server answers.
 */
class VanishedServerTest {

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void readFromAServerThatFellSilentFailsRetriablyWithinTheSocketTimeout() throws Exception {
        try (TcpRelay proxy = TcpRelay.to(extension.database().host(), extension.database().port());
             Wms wms = Wms.create(config(proxy, extension.database()))) {
            wms.products().scroll(ProductQuery.all(), 1);
            proxy.fallSilent();

            long start = System.nanoTime();
            assertThatThrownBy(() -> wms.products().scroll(ProductQuery.all(), 1))
                    .isInstanceOf(RetryableException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("silent server: the read failed after %d ms%n", waited.toMillis());
            assertThat(waited).as("time until the silent read failed")
                    .isGreaterThanOrEqualTo(SOCKET_TIMEOUT.minusMillis(100))
                    .isLessThan(SOCKET_TIMEOUT.multipliedBy(5));
        }
    }

    @Test
    void poolServesAgainOnceTheServerAnswersAgain() throws Exception {
        try (TcpRelay proxy = TcpRelay.to(extension.database().host(), extension.database().port());
             Wms wms = Wms.create(config(proxy, extension.database()))) {
            wms.products().scroll(ProductQuery.all(), 1);
            proxy.fallSilent();
            assertThatThrownBy(() -> wms.products().scroll(ProductQuery.all(), 1))
                    .isInstanceOf(RetryableException.class);

            proxy.answerAgain();

            assertThat(wms.products().scroll(ProductQuery.all(), 1).items()).isEmpty();
            assertThat(wms.monitoring().health(WmsExtension.ADMIN).up()).isTrue();
        }
    }

    private static WmsConfig config(TcpRelay proxy, WmsTestDatabase database) {
        return WmsConfig.builder()
                .host("127.0.0.1")
                .port(proxy.port())
                .databaseName(database.databaseName())
                .username(database.username())
                .password(database.password())
                .maxConnections(1)
                .idleConnections(0)
                .autoMigrate(false)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }
}
