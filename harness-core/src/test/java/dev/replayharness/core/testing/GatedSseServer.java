package dev.replayharness.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback Chat Completions server that streams two chunks and sends the second only once {@link #release()}
 * is called (or after a bound, so that a broken adapter fails the test instead of hanging it). If the
 * harness buffered the stream while recording, the caller could not see chunk 1 before the release.
 */
public final class GatedSseServer implements AutoCloseable {
    public static final String FIRST = "chunk-one ";
    public static final String SECOND = "chunk-two";

    private final HttpServer server;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean secondSentBeforeRelease = new AtomicBoolean();

    public GatedSseServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openai/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                send(out, chunk("{\"role\":\"assistant\",\"content\":\"" + FIRST + "\"}", null));
                try {
                    secondSentBeforeRelease.set(!gate.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(out, chunk("{\"content\":\"" + SECOND + "\"}", null));
                send(out, chunk("{}", "\"stop\""));
                send(out, "data: [DONE]\n\n");
            }
        });
        server.start();
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"gated\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1";
    }

    /** Lets the server send chunk 2. */
    public void release() {
        gate.countDown();
    }

    /** Whether chunk 2 went out because the bound ran out, not because the caller had seen chunk 1. */
    public boolean secondSentBeforeRelease() {
        return secondSentBeforeRelease.get();
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }
}
