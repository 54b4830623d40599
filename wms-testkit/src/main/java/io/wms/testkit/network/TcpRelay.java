package io.wms.testkit.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on a free loopback port in front of a server, for tests and benchmarks that need a network worse than
 * loopback: it can delay every byte by a fixed time in each direction (what round trips cost over a real network),
 * and it can fall silent (a dropped route or a frozen host: bytes are swallowed, nothing is closed) and answer again.
 *
 * <p>Bytes keep their order, and a chunk leaves once its own delay has passed, so delays do not add up. Thread-safe;
 * its threads are daemons, and {@link #close()} ends every relayed connection.
 */
public final class TcpRelay implements AutoCloseable {

    private final String host;
    private volatile int port;
    private final long delayNanos;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    private TcpRelay(String host, int port, Duration oneWay) throws IOException {
        this.host = host;
        this.port = port;
        this.delayNanos = oneWay.toNanos();
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon(this::accept, "tcp-relay");
    }

    /**
     * Starts a relay that forwards at once.
     *
     * @param host the server's host
     * @param port the server's port
     * @return the running relay
     * @throws IOException if no loopback port can be opened
     */
    public static TcpRelay start(String host, int port) throws IOException {
        return new TcpRelay(host, port, Duration.ZERO);
    }

    /**
     * Starts a relay that delays every byte by a fixed time in each direction.
     *
     * @param host   the server's host
     * @param port   the server's port
     * @param oneWay the delay added in each direction; not negative
     * @return the running relay
     * @throws IOException              if no loopback port can be opened
     * @throws IllegalArgumentException if the delay is negative
     */
    public static TcpRelay withLatency(String host, int port, Duration oneWay) throws IOException {
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("oneWay must not be negative, got " + oneWay);
        }
        return new TcpRelay(host, port, oneWay);
    }

    /**
     * Returns the loopback port clients connect to.
     *
     * @return the port
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Forwards new connections to another port of the same host from now on, as when a restarted server came up on
     * a port of its own; connections already relayed keep their server.
     *
     * @param newServerPort the server's new port
     */
    public void serverMovedTo(int newServerPort) {
        port = newServerPort;
    }

    /** Falls silent: from now on every byte in either direction is read and dropped, and no connection is closed. */
    public void fallSilent() {
        silent = true;
    }

    /** Forwards again after {@link #fallSilent()}; what was dropped meanwhile stays lost. */
    public void answerAgain() {
        silent = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket server = new Socket(host, port);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException serverUnreachable) {
                // A server that is down refuses this client as it would itself; the relay keeps accepting.
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // Nothing is left to release.
        }
    }

    private record Chunk(long due, byte[] bytes) {
    }

    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
        daemon(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!silent) {
                        inFlight.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                    }
                }
            } catch (IOException closed) {
                // The connection ended: what is in flight is still delivered, then the writer stops.
            }
            inFlight.add(new Chunk(0, null));
        }, "tcp-relay-read");
        daemon(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = inFlight.take(); chunk.bytes() != null; chunk = inFlight.take()) {
                    for (long wait = chunk.due() - System.nanoTime(); wait > 0; wait = chunk.due() - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // The other side closed: nothing more can be delivered.
            }
        }, "tcp-relay-write");
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops accepting and closes every relayed connection.
     *
     * @throws IOException if a socket cannot be closed
     */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
