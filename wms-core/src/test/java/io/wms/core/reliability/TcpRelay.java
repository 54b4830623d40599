package io.wms.core.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port of its own to a PostgreSQL server, for faults a test cannot cause on the server
 * itself.
 *
 * <p>It can fall silent, the way a peer that vanished looks from the client: connections stay open and nothing ever
 * arrives. And it keeps its port while the server behind it is restarted on another one, so that a restart never
 * depends on getting the server's old port back, which another process on the machine may have taken meanwhile.
 * When either side of a relayed connection closes, the other is closed too; while no server listens, connections are
 * accepted and closed at once.
 */
final class TcpRelay implements AutoCloseable {

    private final String host;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile int serverPort;
    private volatile boolean silent;

    private TcpRelay(String host, int serverPort) throws IOException {
        this.host = host;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts relaying to a server.
     *
     * @param host       the server's host
     * @param serverPort the server's port
     * @return the relay, listening
     * @throws IOException if no loopback port can be had
     */
    static TcpRelay to(String host, int serverPort) throws IOException {
        return new TcpRelay(host, serverPort);
    }

    /** The loopback port clients connect to instead of the server's. */
    int port() {
        return listener.getLocalPort();
    }

    /** Relays the connections accepted from now on to the server's new port. */
    void serverMovedTo(int newServerPort) {
        serverPort = newServerPort;
    }

    /** Drops every byte from now on, in both directions, and closes nothing. */
    void fallSilent() {
        silent = true;
    }

    /** Relays bytes again. */
    void answerAgain() {
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
                Socket server = new Socket(host, serverPort);
                sockets.add(client);
                sockets.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException refused) {
                // No server listens (it is restarting): the client sees its connection closed, as with a refusal.
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread relay = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // One side closed: closing both streams closes both sockets, so the other side learns of it.
            }
        }, "tcp-relay-copy");
        relay.setDaemon(true);
        relay.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing is left to release.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
