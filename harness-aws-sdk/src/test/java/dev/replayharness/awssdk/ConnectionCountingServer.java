package dev.replayharness.awssdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP sentinel on 127.0.0.1 (as harness-core's test one): counts every accepted connection and closes it. Replay must leave it at 0. */
final class ConnectionCountingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    ConnectionCountingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket client = socket.accept()) {
                            accepted.incrementAndGet();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    int acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
