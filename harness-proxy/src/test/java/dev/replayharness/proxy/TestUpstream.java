package dev.replayharness.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real loopback upstream (the JDK's HTTP server on 127.0.0.1, an ephemeral port) for the proxy's tests.
 * {@code /v1/chat/completions} answers an OpenAI-style completion, streamed as server-sent events when the
 * body asks for {@code "stream":true}; it echoes the user's last message so different requests differ.
 * Every request it receives is kept, headers included, in {@link #received()}.
 */
final class TestUpstream implements AutoCloseable {
    /** What the upstream saw. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The body of the request this thread handles (HttpExchange attributes are shared by all exchanges of a context). */
    private static final ThreadLocal<String> BODY = new ThreadLocal<>();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        handle("/v1/chat/completions", TestUpstream::chat);
        server.start();
    }

    /** Adds a handler (which sees the request after it was recorded in {@link #received()}). */
    TestUpstream handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            BODY.set(new String(body, StandardCharsets.UTF_8));
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    private static void chat(HttpExchange exchange) throws IOException {
        String body = received(exchange);
        String said = body.replaceAll("(?s).*\"content\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        if (body.replace(" ", "").contains("\"stream\":true")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String piece : List.of("You", " said: ", said)) {
                event(
                        out,
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                                + "\"delta\":{\"content\":\"" + piece + "\"}}]}");
            }
            event(out, "[DONE]");
            return;
        }
        byte[] answer = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"You said: " + said
                        + "\"},\"finish_reason\":\"stop\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-request-id", "req-" + System.nanoTime());
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
    }

    /** The body the handler already read (kept by {@link #handle}). */
    private static String received(HttpExchange exchange) {
        return BODY.get();
    }

    static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
