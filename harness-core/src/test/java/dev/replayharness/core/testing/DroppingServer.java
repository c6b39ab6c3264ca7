package dev.replayharness.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers every request with a chunked event stream of the given
 * events and then ends the connection without the final chunk: a real mid-stream failure.
 */
public final class DroppingServer implements AutoCloseable {
    private final ServerSocket socket;

    public DroppingServer(List<String> events) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket client = socket.accept()) {
                            answer(client, events);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "dropping-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static void answer(Socket client, List<String> events) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        int contentLength = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skip(contentLength);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (String event : events) {
            byte[] data = ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        // End the connection without the terminating chunk. A FIN (not a reset, which may discard data the
        // client has not read yet) makes the client read both events, then fail: deterministic.
        client.shutdownOutput();
        in.readLine(); // wait for the client to give up and close its side
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
