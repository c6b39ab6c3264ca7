package dev.replayharness.anthropicsdk.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server answering {@code POST /anthropic/v1/messages} the way Amazon Bedrock's
 * {@code bedrock-mantle} endpoint serves the Anthropic Messages API: bearer API key
 * ({@code Authorization: Bearer …}; 401 without one), the Messages error envelope
 * ({@code {"type":"error","error":{"type":"invalid_request_error",…}}}) for a missing
 * {@code max_tokens}/{@code messages} or bad JSON (400) and an unknown model (404), a message for
 * {@code "stream": false}, and for {@code "stream": true} the typed event stream {@code message_start},
 * {@code content_block_start}, {@code ping}, {@code content_block_delta}…, {@code content_block_stop},
 * {@code message_delta}, {@code message_stop}. Deterministic: ids and {@code request-id} derive from
 * the request body, answers from {@link MessagesAnswers}.
 *
 * <pre>{@code
 * try (MessagesEmulator emulator = MessagesEmulator.start()) {
 *     AnthropicOkHttpClient.builder().baseUrl(emulator.baseUrl()).authToken("any")…
 * }
 * }</pre>
 */
public final class MessagesEmulator implements AutoCloseable {
    /** The path the SDK calls under the base URL {@code …/anthropic}. */
    public static final String MESSAGES_PATH = "/anthropic/v1/messages";
    /** The models the emulator serves, by their Bedrock ids. */
    public static final Set<String> MODELS =
            Set.of("anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdAfterFirstDelta;
    private volatile boolean releasedWhileHeld;

    private MessagesEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // a thread per exchange: a held stream must not hold up others
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an emulator on 127.0.0.1 and a free port. */
    public static MessagesEmulator start() {
        try {
            return new MessagesEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Messages API emulator on 127.0.0.1", e);
        }
    }

    /** The SDK's base URL: {@code http://127.0.0.1:{port}/anthropic}. */
    public String baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/anthropic")
                .toString();
    }

    /** Requests received. */
    public int requestCount() {
        return requests.get();
    }

    /** The {@code Authorization} header of each request, as received. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /**
     * Holds every stream after its first text delta until {@code release} is counted down (at most 10 s),
     * so a test can prove its client saw that delta before the rest was sent: {@link #releasedWhileHeld()}.
     */
    public MessagesEmulator holdStreamsAfterFirstDelta(CountDownLatch release) {
        this.holdAfterFirstDelta = release;
        return this;
    }

    /** Whether a held stream was released by the client, rather than by the 10 s safety timeout. */
    public boolean releasedWhileHeld() {
        return releasedWhileHeld;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            String requestId = "req_" + UUID.nameUUIDFromBytes(body).toString().replace("-", "");
            exchange.getResponseHeaders().add("request-id", requestId);
            if (!"POST".equals(exchange.getRequestMethod())
                    || !MESSAGES_PATH.equals(exchange.getRequestURI().getPath())) {
                json(
                        exchange,
                        404,
                        MessagesResponses.error(
                                "not_found_error",
                                "Not found: " + exchange.getRequestURI().getPath()));
                return;
            }
            if (authorization == null
                    || !authorization.startsWith("Bearer ")
                    || authorization.length() == "Bearer ".length()) {
                json(
                        exchange,
                        401,
                        MessagesResponses.error("authentication_error", "Missing or invalid bearer API key."));
                return;
            }
            MessagesRequest request;
            try {
                request = MessagesRequest.parse(body);
            } catch (MessagesRequest.Invalid invalid) {
                json(exchange, invalid.status(), MessagesResponses.error(invalid.type(), invalid.getMessage()));
                return;
            }
            String id = "msg_emu_" + requestId.substring(4, 28);
            String answer = MessagesAnswers.answer(request.system(), request.userTurns());
            int inputTokens = MessagesResponses.tokens(String.join(" ", request.userTurns()) + " " + request.system());
            if (request.stream()) {
                stream(exchange, MessagesResponses.events(id, request.model(), answer, inputTokens));
            } else {
                json(exchange, 200, MessagesResponses.message(id, request.model(), answer, inputTokens));
            }
        }
    }

    private void stream(HttpExchange exchange, List<String> frames) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean held = false;
        for (String frame : frames) {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            CountDownLatch hold = holdAfterFirstDelta;
            if (!held && hold != null && frame.startsWith("event: content_block_delta")) {
                held = true;
                releasedWhileHeld = awaitRelease(hold);
            }
        }
        out.close();
    }

    private static boolean awaitRelease(CountDownLatch hold) {
        try {
            return hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
