package io.wms.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
        try (SilentProxy proxy = SilentProxy.to(extension.database()); Wms wms = Wms.create(config(proxy))) {
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
        try (SilentProxy proxy = SilentProxy.to(extension.database()); Wms wms = Wms.create(config(proxy))) {
            wms.products().scroll(ProductQuery.all(), 1);
            proxy.fallSilent();
            assertThatThrownBy(() -> wms.products().scroll(ProductQuery.all(), 1))
                    .isInstanceOf(RetryableException.class);

            proxy.answerAgain();

            assertThat(wms.products().scroll(ProductQuery.all(), 1).items()).isEmpty();
            assertThat(wms.monitoring().health(WmsExtension.ADMIN).up()).isTrue();
        }
    }

    private static WmsConfig config(SilentProxy proxy) {
        WmsTestDatabase database = proxy.database;
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

    /**
     * A TCP relay to the test's server that can stop relaying without closing anything, the way a peer that vanished
     * looks from the client: the connection stays open and nothing ever arrives.
     */
    private static final class SilentProxy implements AutoCloseable {

        private final WmsTestDatabase database;
        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean silent;

        private SilentProxy(WmsTestDatabase database) throws IOException {
            this.database = database;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "silent-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static SilentProxy to(WmsTestDatabase database) throws IOException {
            return new SilentProxy(database);
        }

        int port() {
            return listener.getLocalPort();
        }

        void fallSilent() {
            silent = true;
        }

        void answerAgain() {
            silent = false;
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(database.host(), database.port());
                    sockets.add(client);
                    sockets.add(server);
                    relay(client, server);
                    relay(server, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(Socket from, Socket to) {
            Thread relay = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        // A silent peer swallows everything: bytes are read and dropped, nothing is closed.
                        if (!silent) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                } catch (IOException closed) {
                    // One side closed: the relay ends with it.
                }
            }, "silent-proxy-relay");
            relay.setDaemon(true);
            relay.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
