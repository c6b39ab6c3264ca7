package dev.replayharness.okhttp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** (A copy of harness-core's test utility.) A TCP sentinel on 127.0.0.1: counts every accepted connection and closes it. Replay must leave it at 0. */
final class ConnectionCountingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    ConnectionCountingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket client = socket.accept();
                            accepted.incrementAndGet();
                            client.close();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
