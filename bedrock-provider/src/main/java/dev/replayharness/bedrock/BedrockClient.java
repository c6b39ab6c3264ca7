package dev.replayharness.bedrock;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

import dev.replayharness.bedrock.internal.Backoff;
import dev.replayharness.bedrock.internal.ErrorMapper;
import dev.replayharness.bedrock.internal.KeyCheck;
import dev.replayharness.bedrock.internal.RequestGuard;
import dev.replayharness.bedrock.internal.Retrier;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.Model;
import dev.replayharness.openai.OpenAiCompatibleClient;

/**
 * Chat completions on Amazon Bedrock's OpenAI-compatible endpoint.
 *
 * <pre>{@code
 * BedrockClient bedrock = BedrockClient.builder(BedrockConfig.fromEnvironment(System::getenv))
 *         .httpClient(HttpClient.newHttpClient())
 *         .build();
 * ChatCompletion answer = bedrock.chat(ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0")
 *         .user("Which planet do humans live on?").build());
 * answer.content();   // the answer; answer.reasoning() holds gpt-oss's reasoning
 * }</pre>
 *
 * <p>Requests may name a model by its stack id or Bedrock id; it must be registered. Before
 * anything is sent the client refuses unknown models and an expired short-term key; the rest of the
 * request (tools, tool results, content parts, earlier reasoning) is sent as the caller gave it.
 * Transient failures are retried per {@link RetryPolicy}; every failure is a
 * {@link BedrockException}, except failures while reading a stream, which the returned
 * {@link ChatCompletionStream} reports as the wire client's {@code OpenAiException}s.
 * Thread-safe.
 */
public final class BedrockClient {

    private final BedrockConfig config;
    private final ModelRegistry models;
    private final OpenAiCompatibleClient wire;
    private final RequestGuard guard;
    private final KeyCheck keyCheck;
    private final Retrier retrier;

    private BedrockClient(Builder builder) {
        this.config = builder.config;
        this.models = builder.models;
        this.keyCheck = new KeyCheck(config.apiKey(), config.region(), builder.clock);
        this.guard = new RequestGuard(models, config.reasoningPolicy());
        BedrockApiKey key = config.apiKey();
        this.wire = OpenAiCompatibleClient.builder()
                .baseUri(config.baseUri())
                .httpClient(
                        builder.httpClient != null
                                ? builder.httpClient
                                : HttpClient.newBuilder()
                                        .connectTimeout(config.connectTimeout())
                                        .build())
                .headers(() -> Map.of("Authorization", "Bearer " + key.reveal()))
                .requestTimeout(config.requestTimeout())
                .build();
        this.retrier = new Retrier(
                config.retryPolicy(),
                new Backoff(config.retryPolicy(), builder.random),
                builder.clock,
                builder.sleeper,
                new ErrorMapper(config));
    }

    /** A builder for a client with these settings. */
    public static Builder builder(BedrockConfig config) {
        return new Builder(config);
    }

    /**
     * A non-streamed chat completion.
     *
     * @throws BedrockException for every failure; see the subclasses
     * @throws IllegalArgumentException if the request says {@code stream=true}
     */
    public ChatCompletion chat(ChatCompletionRequest request) {
        if (Boolean.TRUE.equals(request.stream())) {
            throw new IllegalArgumentException("the request has stream=true; use chatStream(…) for it");
        }
        RegisteredModel model = guard.chatModel(request);
        keyCheck.beforeRequest();
        ChatCompletionRequest wireRequest = guard.prepare(request, model);
        return retrier.call(() -> wire.createChatCompletion(wireRequest), model.providerResourceId());
    }

    /**
     * A streamed chat completion, returned once Bedrock has accepted the request. Close it, also
     * when stopping early: that releases the connection.
     *
     * @throws BedrockException if the request is refused before the stream starts
     * @throws IllegalArgumentException if the request says {@code stream=false}
     */
    public ChatCompletionStream chatStream(ChatCompletionRequest request) {
        if (Boolean.FALSE.equals(request.stream())) {
            throw new IllegalArgumentException("the request has stream=false; use chat(…) for it");
        }
        RegisteredModel model = guard.chatModel(request);
        keyCheck.beforeRequest();
        ChatCompletionRequest wireRequest = guard.prepare(request, model);
        return retrier.call(() -> wire.streamChatCompletion(wireRequest), model.providerResourceId());
    }

    /** The registered models, the ones requests may name. Makes no network call (see {@link #listModels()}). */
    public List<RegisteredModel> models() {
        return models.models();
    }

    /**
     * The models Bedrock offers in this region: {@code GET /openai/v1/models}, sent through the
     * same HTTP client as chat calls (so it is recorded and replayed like them) and retried like
     * them. Bedrock's ids carry no version suffix (e.g. {@code openai.gpt-oss-20b}, where chat
     * requests name {@code openai.gpt-oss-20b-1:0}); a listed model is not necessarily registered.
     *
     * @throws BedrockException for every failure
     */
    public List<Model> listModels() {
        keyCheck.beforeRequest();
        return retrier.call(wire::listModels, null);
    }

    /** This client's settings. */
    public BedrockConfig config() {
        return config;
    }

    /**
     * Always fails, without a network call: Bedrock's OpenAI-compatible endpoint has no legacy
     * {@code /v1/completions}. Send the prompt as a user message to {@link #chat} instead.
     *
     * @throws BedrockUnsupportedOperationException always
     */
    public void textCompletion(String model, String prompt) {
        throw new BedrockUnsupportedOperationException(
                "Text completions (/v1/completions) are not supported: Bedrock's"
                        + " OpenAI-compatible endpoint only offers chat completions; no request was sent. Send the prompt as a"
                        + " user message with chat(…) instead.",
                null,
                null,
                null);
    }

    /**
     * Always fails, without a network call: Bedrock's OpenAI-compatible endpoint has no
     * {@code /v1/embeddings}.
     *
     * @throws BedrockUnsupportedOperationException always
     */
    public void embeddings(String model, List<String> input) {
        throw new BedrockUnsupportedOperationException(
                "Embeddings (/v1/embeddings) are not supported: Bedrock's"
                        + " OpenAI-compatible endpoint has no embeddings API; no request was sent. Use a native Bedrock"
                        + " embedding model (e.g. Amazon Titan Text Embeddings through InvokeModel) or another embeddings"
                        + " provider.",
                null,
                null,
                null);
    }

    @Override
    public String toString() {
        return "BedrockClient[region=" + config.region() + ", baseUri=" + config.baseUri() + ", models=" + models + "]";
    }

    /** Collaborators of a {@link BedrockClient}; everything but the config has a default. */
    public static final class Builder {
        private final BedrockConfig config;
        private HttpClient httpClient;
        private ModelRegistry models = ModelRegistry.defaults();
        private InstantSource clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random = ThreadLocalRandom.current();

        private Builder(BedrockConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The HTTP client to send with, e.g. one that records or replays; by default a new one. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** The models requests may name; by default gpt-oss 20B only. */
        public Builder models(ModelRegistry value) {
            this.models = Objects.requireNonNull(value);
            return this;
        }

        /** The time source for key expiry and the retry time budget. */
        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** How to wait between retries. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** The jitter source; must be thread-safe if the client is shared. */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws BedrockAuthenticationException if the key looks short-term but is malformed
         */
        public BedrockClient build() {
            return new BedrockClient(this);
        }
    }
}
