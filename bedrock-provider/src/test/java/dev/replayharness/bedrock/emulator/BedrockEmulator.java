package dev.replayharness.bedrock.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers {@code POST /openai/v1/chat/completions} and
 * {@code GET /openai/v1/models} the way Bedrock's OpenAI-compatible endpoint does: bearer
 * authentication, 404 for unknown models, 400 for unknown fields and ill-formed tool turns, the
 * nested-JSON 400 for image parts (the model is text-only), SSE streams of the real shape (tool-call
 * fragments, {@code logprobs}, the usage chunk, a random {@code obfuscation} per chunk), tool calls
 * ({@link ToolPlanner}), {@code x-amzn-RequestId} on every answer, and otherwise deterministic
 * answers (see {@link Answers}). Tests script failures with {@link #enqueue},
 * slow streams with {@link #slowStreams} and read what arrived with {@link #requests()}.
 *
 * <pre>{@code
 * try (BedrockEmulator emulator = BedrockEmulator.start()) {
 *     BedrockConfig config = BedrockConfig.builder(key).baseUri(emulator.baseUri()).build();
 * }
 * }</pre>
 */
public final class BedrockEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<ScriptedResponse> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger abortedStreams = new AtomicInteger();
    private final Semaphore disconnects = new Semaphore(0);
    private volatile String requiredToken;
    private volatile Duration streamPause = Duration.ZERO;
    private volatile int fillerChunks;
    private volatile Duration responseDelay = Duration.ZERO;

    private BedrockEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // a thread per exchange: a paused stream must not hold up others
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an emulator on 127.0.0.1 and a free port. */
    public static BedrockEmulator start() {
        try {
            return new BedrockEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Bedrock emulator on 127.0.0.1", e);
        }
    }

    /** The API root to configure clients with: {@code http://127.0.0.1:{port}/openai/v1}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1");
    }

    /** Answers the next requests with these responses, in order, before any other check. */
    public BedrockEmulator enqueue(ScriptedResponse... responses) {
        scripted.addAll(List.of(responses));
        return this;
    }

    /** Accepts only this bearer token (others get 401); by default any token is accepted. */
    public BedrockEmulator requireToken(String token) {
        this.requiredToken = token;
        return this;
    }

    /** Pauses between stream chunks and appends {@code fillerChunks} content chunks, to stop streams midway. */
    public BedrockEmulator slowStreams(Duration pause, int fillerChunks) {
        this.streamPause = pause;
        this.fillerChunks = fillerChunks;
        return this;
    }

    /** Waits this long before answering any request, to make clients time out. */
    public BedrockEmulator delayResponses(Duration delay) {
        this.responseDelay = delay;
        return this;
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests arrived. */
    public int requestCount() {
        return requests.size();
    }

    /** Streams the client stopped reading (the connection broke while the emulator was writing). */
    public int abortedStreams() {
        return abortedStreams.get();
    }

    /** Waits until a client has abandoned a stream; false if none did within {@code timeout}. */
    public boolean awaitAbortedStream(Duration timeout) throws InterruptedException {
        return disconnects.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String requestId = UUID.nameUUIDFromBytes((requests.size() + ":" + body).getBytes(StandardCharsets.UTF_8))
                    .toString();
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    requestId);
            requests.add(request);
            exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
            if (!pauseBeforeAnswering()) {
                return;
            }
            ScriptedResponse next = scripted.poll();
            if (next != null) {
                send(exchange, next);
            } else if (!isChat(request) && !isModelList(request)) {
                send(
                        exchange,
                        ScriptedResponse.of(
                                404,
                                "{\"Output\":{\"__type\":"
                                        + "\"com.amazon.coral.service#UnknownOperationException\"},\"Version\":\"1.0\"}"));
            } else {
                var refusal = RequestCheck.authentication(request.header("Authorization"), requiredToken);
                if (refusal.isPresent()) {
                    send(exchange, refusal.get());
                } else if (isModelList(request)) {
                    send(exchange, ScriptedResponse.of(200, ModelList.body()));
                } else {
                    ChatResponder.respond(exchange, body, streamPause, fillerChunks, this::streamAborted);
                }
            }
        }
    }

    private static boolean isChat(RecordedRequest request) {
        return "POST".equals(request.method()) && RequestCheck.CHAT_PATH.equals(request.path());
    }

    private static boolean isModelList(RecordedRequest request) {
        return "GET".equals(request.method()) && RequestCheck.MODELS_PATH.equals(request.path());
    }

    /** The scripted delay; false if the emulator is shutting down meanwhile. */
    private boolean pauseBeforeAnswering() {
        try {
            Thread.sleep(responseDelay.toMillis()); // scripted pause, the only kind of sleep in the tests
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void streamAborted() {
        abortedStreams.incrementAndGet();
        disconnects.release();
    }

    static void send(HttpExchange exchange, ScriptedResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
