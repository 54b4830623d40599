package io.wms.benchmarks;

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
 * A TCP relay to the database server that delays every byte by a fixed time in each direction, so that the same run
 * can show what the number of round trips costs over a network instead of over loopback. Bytes keep their order and
 * are not held back by one another: a chunk leaves once its own delay has passed.
 */
final class LatencyProxy implements AutoCloseable {

    private final String host;
    private final int port;
    private final long delayNanos;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private LatencyProxy(String host, int port, Duration oneWay) throws IOException {
        this.host = host;
        this.port = port;
        this.delayNanos = oneWay.toNanos();
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon(this::accept, "latency-proxy");
    }

    /**
     * Starts a relay on a free loopback port.
     *
     * @param host   the server's host
     * @param port   the server's port
     * @param oneWay the delay added in each direction
     * @return the running relay
     * @throws IOException if no port can be opened
     */
    static LatencyProxy start(String host, int port, Duration oneWay) throws IOException {
        return new LatencyProxy(host, port, oneWay);
    }

    /**
     * Returns the port clients connect to.
     *
     * @return the port
     */
    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException closed) {
                return;
            }
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
                    inFlight.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException closed) {
                // The connection ended: what is in flight is still delivered, then the writer stops.
            }
            inFlight.add(new Chunk(0, null));
        }, "latency-proxy-read");
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
        }, "latency-proxy-write");
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
