package dev.replayharness.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.Harness;
import dev.replayharness.server.internal.Providers;
import dev.replayharness.server.internal.StackHandler;

/**
 * A Llama Stack–style server for the Bedrock provider: the stack configuration's models behind an
 * OpenAI-compatible API, every provider call going through a {@link Harness} (so it replays committed
 * recordings with no credentials, or records), and every completion kept in an SQLite
 * {@link InferenceStore}.
 *
 * <pre>{@code
 * StackConfig stack = StackConfig.load(Path.of("bedrock-provider/bedrock-run.yaml"));
 * Harness harness = StackServer.harnessBuilder(stack, Path.of("recordings")).build(); // mode: harness.mode / HARNESS_MODE
 * try (StackServer server = StackServer.builder(stack, harness).port(0).build().start()) {
 *     server.baseUri();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST /v1/chat/completions} (streamed as SSE when {@code "stream": true}),
 * {@code GET /v1/chat/completions} and {@code GET /v1/chat/completions/{id}} (the store),
 * {@code GET /v1/models}, {@code GET /v1/models/{id}}, {@code GET /v1/health}; {@code /v1/completions} and {@code /v1/embeddings}
 * answer 501. Every error is an OpenAI-style JSON body. A request may carry
 * {@value StackHandler#TEST_HEADER} naming the test whose recordings it uses. {@link #close()} stops
 * taking requests, lets those in flight finish (up to the stop timeout) and then closes the store.
 */
public final class StackServer implements AutoCloseable {

    /** The port when neither the builder nor {@code server.port} names one: Llama Stack's. */
    public static final int DEFAULT_PORT = 8321;
    /** The request body limit unless configured: {@value} bytes (10 MiB). */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    /** The namespace of the server's recordings, under the recordings folder. */
    public static final String NAMESPACE = "stack-server";
    /** The request header naming the test whose recordings a request replays. */
    public static final String TEST_HEADER = StackHandler.TEST_HEADER;
    /** The header set on the answer to a request that had no recording (status 424, as the proxy). */
    public static final String MISS_HEADER = StackHandler.MISS_HEADER;

    private final Builder settings;
    private Listener listener;
    private InferenceStore store;
    private volatile boolean stopped;

    private StackServer(Builder settings) {
        this.settings = settings;
    }

    /** A builder for a server of {@code stack} whose provider calls go through {@code harness}. */
    public static Builder builder(StackConfig stack, Harness harness) {
        return new Builder(stack, harness);
    }

    /**
     * The harness settings the {@code serve} command uses, to adjust (e.g. {@code .mode(...)}) and
     * build: namespace {@value #NAMESPACE} under {@code recordingsDirectory}; recordings shared by
     * every client (a request's {@value #TEST_HEADER} header still looks for that test's own first);
     * a repeated request replaying its last recording; completions' {@code id} and {@code created}
     * normalized and Bedrock's random {@code obfuscation} removed ({@link dev.replayharness.bedrock.BedrockResponseNormalizer}); every provider's API key registered as a secret; the mode from {@code harness.mode}
     * / {@code HARNESS_MODE} (default replay) unless set.
     */
    public static Harness.Builder harnessBuilder(StackConfig stack, Path recordingsDirectory) {
        return StackHarness.builder(stack, recordingsDirectory);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws StackServerException naming the port and the fix when it is taken, or the store's problem
     */
    public synchronized StackServer start() {
        if (listener != null) {
            throw new IllegalStateException("this server was already started; build a new one");
        }
        listener = Listener.bind(
                settings.host, settings.port(), settings.maxThreads, String.valueOf(settings.stack.source()));
        try {
            store = InferenceStore.open(settings.storePath(), settings.storeTable());
        } catch (RuntimeException e) {
            listener.stop();
            throw e;
        }
        try {
            listener.start(
                    new StackHandler(
                            new Providers(settings.stack, settings.harness, settings.httpClient),
                            store,
                            settings.maxRequestBytes,
                            settings.recordingUses),
                    settings.stopTimeout.toMillis());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return this;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8321}. */
    public URI baseUri() {
        if (listener == null || stopped) {
            throw new IllegalStateException(stopped ? "the server is stopped" : "the server is not started");
        }
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return URI.create("http://" + host + ":" + listener.port());
    }

    /** The port bound (useful after {@code port(0)}). */
    public int port() {
        return listener.port();
    }

    /** The inference store (open while the server runs). */
    public InferenceStore store() {
        return store;
    }

    /** The harness the provider calls go through. */
    public Harness harness() {
        return settings.harness;
    }

    /**
     * Stops gracefully: new requests get 503, requests in flight finish (up to the stop timeout),
     * then the store is checkpointed and closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (listener == null || stopped) {
            return;
        }
        stopped = true;
        listener.stop();
        store.close();
    }

    @Override
    public String toString() {
        return "StackServer[" + (listener == null ? "not started" : baseUri()) + ", harness="
                + settings.harness.namespace() + "/" + settings.harness.mode() + "]";
    }

    /** Settings of a {@link StackServer}. */
    public static final class Builder {
        private final StackConfig stack;
        private final Harness harness;
        private String host = "127.0.0.1";
        private Integer port;
        private Path storePath;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration stopTimeout = Duration.ofSeconds(30);
        private int maxThreads = 200;
        private HttpClient httpClient;
        private Map<String, String> environment = System.getenv();
        private java.util.function.Consumer<dev.replayharness.core.RecordingUse> recordingUses = use -> {};

        private Builder(StackConfig stack, Harness harness) {
            this.stack = Objects.requireNonNull(stack, "stack");
            this.harness = Objects.requireNonNull(harness, "harness");
        }

        /** The address to bind. Default {@code 127.0.0.1}; {@code 0.0.0.0} serves other machines too. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The port; 0 picks a free one. Default: {@code server.port} of the stack config, else 8321. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(
                        "port " + value + " is out of range; use 0 (any free port) to 65535");
            }
            this.port = value;
            return this;
        }

        /**
         * The SQLite file of the inference store. Default: {@code db_path} of the backend that
         * {@code storage.stores.inference.backend} names, else {@code $SQLITE_STORE_DIR/sql_store.db},
         * else {@code ./.llama/sql_store.db}.
         */
        public Builder storePath(Path value) {
            this.storePath = Objects.requireNonNull(value, "storePath");
            return this;
        }

        /** The largest request body accepted; larger ones get 413. Default 10 MiB. */
        public Builder maxRequestBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1, not " + value);
            }
            this.maxRequestBytes = value;
            return this;
        }

        /** How long {@link StackServer#close()} lets requests in flight finish. Default 30 s. */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = Objects.requireNonNull(value, "stopTimeout");
            return this;
        }

        /** The most request threads (each streamed completion holds one). Default 200. */
        public Builder maxThreads(int value) {
            if (value < 8) {
                throw new IllegalArgumentException("maxThreads must be at least 8, not " + value);
            }
            this.maxThreads = value;
            return this;
        }

        /** The HTTP client provider calls go through (wrapped by the harness). Default: a new one. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /** Where {@code SQLITE_STORE_DIR} is looked up for the default store path. Default: the process environment. */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /**
         * Told of every recording each request replayed, recorded or missed, once the request is
         * done (e.g. to write a run report for {@code harness unused}). Called on request threads.
         */
        public Builder onRecordingUse(java.util.function.Consumer<dev.replayharness.core.RecordingUse> listener) {
            this.recordingUses = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public StackServer build() {
            if (httpClient == null) {
                httpClient = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
            }
            return new StackServer(this);
        }

        int port() {
            return port != null ? port : stack.serverPort() != null ? stack.serverPort() : DEFAULT_PORT;
        }

        Path storePath() {
            return storePath != null ? storePath : StoreLocation.path(stack, environment);
        }

        String storeTable() {
            return StoreLocation.table(stack);
        }
    }
}
