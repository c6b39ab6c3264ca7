package dev.replayharness.openaisdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * The official OpenAI Java SDK's HTTP transport ({@link com.openai.core.http.HttpClient}) over
 * {@code java.net.http}, so the SDK's calls go through the harness: recorded, replayed, streaming
 * included. In a {@code @Recorded} test, hand it the injected client:
 *
 * <pre>{@code
 * @Test
 * void answers(java.net.http.HttpClient http) {
 *     OpenAIClient openai = new OpenAIClientImpl(ClientOptions.builder()
 *             .httpClient(HarnessOpenAiTransport.of(http))
 *             .baseUrl("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1")
 *             .apiKey(System.getenv().getOrDefault("AWS_BEARER_TOKEN_BEDROCK", "replay-mode-dummy-key"))
 *             .build());
 * }
 * }</pre>
 *
 * <p><b>Requests.</b> The method, the URL (base URL, then each path segment percent-encoded as one
 * segment, then the query parameters, each name and value percent-encoded), every header, and the
 * body, which is streamed from {@link HttpRequestBody#writeTo} (its {@code contentType()} becomes
 * {@code Content-Type} unless a header sets one; its {@code contentLength()}, when known, the length).
 * Headers that {@code java.net.http} sets itself and refuses from callers ({@code Connection},
 * {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade}) are left to it. The request
 * body is closed when the attempt ends, as the SDK's OkHttp transport does.
 *
 * <p><b>Timeouts</b> (the request's {@code RequestOptions}, which the SDK fills from its
 * {@code ClientOptions}): {@link Timeout#request()} bounds the wait for the response headers
 * ({@code java.net.http.HttpRequest.timeout}), {@link Timeout#read()} each wait for the next chunk of
 * the body; {@link Duration#ZERO} means no limit. {@link Timeout#connect()} and {@link Timeout#write()}
 * cannot be set per request on {@code java.net.http}: configure the {@code java.net.http.HttpClient}
 * ({@code connectTimeout}) you pass in.
 *
 * <p><b>Responses.</b> Status, headers, and a body that streams chunk by chunk: each server-sent event
 * reaches the SDK as it arrives, so {@code createStreaming} hands out a chunk before the next is sent.
 *
 * <p><b>Failures.</b> An {@link IOException} (connection refused, timeout…) becomes the SDK's
 * {@link OpenAIIoException}, which the SDK retries like its own transport's. Everything else the
 * harness throws passes through untouched: a {@code ReplayMissError} (a JUnit assertion failure) or a
 * {@code RecordingFormatException} reaches the test with its full message and is never retried.
 * Interruption becomes a non-retried {@link OpenAIException}, with the thread's interrupt flag set.
 *
 * <p>Thread-safe. {@link #close()} stops new requests and releases the threads that stream request
 * bodies; the {@code java.net.http} client belongs to whoever made it (the transport closes it only
 * when it made it itself, on a JDK where clients can be closed). The SDK closes its transport when the
 * {@code OpenAIClient} is closed.
 */
public final class HarnessOpenAiTransport implements HttpClient {
    private static final AtomicInteger WRITER_THREADS = new AtomicInteger();

    private final java.net.http.HttpClient http;
    private final boolean ownsClient;
    private final String description;
    private final ExecutorService bodyWriters = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "harness-openai-sdk-body-writer-" + WRITER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarnessOpenAiTransport(java.net.http.HttpClient http, boolean ownsClient, String description) {
        this.http = http;
        this.ownsClient = ownsClient;
        this.description = description;
    }

    /**
     * A transport that sends through {@code http}: the {@code java.net.http.HttpClient} a
     * {@code @Recorded} test takes as a parameter (already routed through the test's recordings), or
     * one from {@code JdkHarness.wrap}/{@code HttpClientWiring.wrap}. Any other client works too, but
     * then nothing is recorded. The transport does not close {@code http}.
     */
    public static HarnessOpenAiTransport of(java.net.http.HttpClient http) {
        Objects.requireNonNull(http, "http: pass the java.net.http.HttpClient the @Recorded test was given");
        return new HarnessOpenAiTransport(http, false, http.toString());
    }

    /**
     * A transport that records and replays through {@code session}, over a new
     * {@code java.net.http.HttpClient} (made and, on JDK 21+, closed by the transport).
     */
    public static HarnessOpenAiTransport of(HarnessSession session) {
        Objects.requireNonNull(session, "session");
        java.net.http.HttpClient delegate = java.net.http.HttpClient.newHttpClient();
        return new HarnessOpenAiTransport(JdkHarness.wrap(delegate, session), true, session.toString());
    }

    /**
     * A transport that records and replays through {@code session}, calling upstream with
     * {@code delegate} (configure its proxy, TLS or {@code connectTimeout} there). The transport does
     * not close {@code delegate}.
     */
    public static HarnessOpenAiTransport of(HarnessSession session, java.net.http.HttpClient delegate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(delegate, "delegate");
        return new HarnessOpenAiTransport(JdkHarness.wrap(delegate, session), false, session.toString());
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
        Objects.requireNonNull(request, "request");
        try {
            SdkExchange exchange = prepare(request, requestOptions);
            java.net.http.HttpResponse<InputStream> response;
            try {
                response = http.send(exchange.request(), exchange.body().handler());
            } catch (IOException e) {
                throw ioFailure(exchange, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenAIException("Interrupted while waiting for the response to " + exchange.what(), e);
            }
            return new SdkResponse(response);
        } finally {
            closeQuietly(request.body());
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        SdkExchange exchange;
        CompletableFuture<java.net.http.HttpResponse<InputStream>> sent;
        try {
            exchange = prepare(request, requestOptions);
            sent = http.sendAsync(exchange.request(), exchange.body().handler());
        } catch (RuntimeException | Error e) { // e.g. a ReplayMissError thrown before the future exists
            closeQuietly(request.body());
            result.completeExceptionally(e);
            return result;
        }
        sent.whenComplete((response, failure) -> {
            closeQuietly(request.body());
            if (failure == null) {
                if (!result.complete(new SdkResponse(response))) {
                    exchange.body().close(); // cancelled meanwhile: nobody will read it
                }
                return;
            }
            Throwable cause = unwrap(failure);
            result.completeExceptionally(cause instanceof IOException io ? ioFailure(exchange, io) : cause);
        });
        result.whenComplete((response, failure) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    /** Stops new requests and the body-writer threads; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        bodyWriters.shutdownNow();
        if (ownsClient
                && http instanceof AutoCloseable closeable) { // java.net.http.HttpClient is AutoCloseable from JDK 21
            try {
                closeable.close();
            } catch (Exception e) {
                throw new OpenAIException("Could not close the java.net.http client of " + this + ": " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "HarnessOpenAiTransport[" + description + (closed.get() ? ", closed" : "") + "]";
    }

    private SdkExchange prepare(HttpRequest request, RequestOptions requestOptions) {
        if (closed.get()) {
            throw new IllegalStateException(
                    "This HarnessOpenAiTransport is closed (the OpenAIClient using it was closed):"
                            + " build a new client with a new transport.");
        }
        return SdkExchange.of(request, requestOptions, bodyWriters);
    }

    private static OpenAIIoException ioFailure(SdkExchange exchange, IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timed out" : "failed";
        return new OpenAIIoException(exchange.what() + " " + kind + ": " + e, e);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void closeQuietly(HttpRequestBody body) {
        if (body != null) {
            body.close();
        }
    }
}
