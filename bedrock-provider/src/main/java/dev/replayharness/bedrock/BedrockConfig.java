package dev.replayharness.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings of a {@link BedrockClient}. Build with {@link #builder(BedrockApiKey)}, load from a
 * stack configuration with {@link StackConfig#bedrockConfig()}, or read the usual environment
 * variables with {@link #fromEnvironment(Function)}. {@code toString()} never shows the key.
 *
 * @param apiKey the bearer token
 * @param region the AWS region, {@value #DEFAULT_REGION} by default (where gpt-oss is served)
 * @param baseUriOverride another API root (an emulator, a proxy), or null for Bedrock's own
 * @param connectTimeout connect timeout, used only when the client creates its own HttpClient
 * @param requestTimeout time allowed until response headers arrive
 * @param retryPolicy retries of transient failures
 * @param reasoningPolicy what to do with reasoning in earlier assistant turns; by default they are sent as given
 */
public record BedrockConfig(
        BedrockApiKey apiKey,
        String region,
        URI baseUriOverride,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retryPolicy,
        ReasoningPolicy reasoningPolicy) {

    /** The region used when none is given. */
    public static final String DEFAULT_REGION = "us-west-2";

    /** Environment variable holding the API key, as the AWS tools name it. */
    public static final String API_KEY_VARIABLE = "AWS_BEARER_TOKEN_BEDROCK";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    public BedrockConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(reasoningPolicy, "reasoningPolicy");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "'" + region + "' is not an AWS region name; use e.g. " + DEFAULT_REGION);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connectTimeout=" + connectTimeout
                    + ", requestTimeout=" + requestTimeout);
        }
    }

    /** A builder with defaults for everything but the key. */
    public static Builder builder(BedrockApiKey apiKey) {
        return new Builder(apiKey);
    }

    /**
     * The key from {@value #API_KEY_VARIABLE} and the region from {@code AWS_REGION} or
     * {@code AWS_DEFAULT_REGION} (else {@value #DEFAULT_REGION}).
     *
     * @param environment variable lookup, e.g. {@code System::getenv}; returns null when unset
     * @throws IllegalArgumentException if {@value #API_KEY_VARIABLE} is unset or blank
     */
    public static BedrockConfig fromEnvironment(Function<String, String> environment) {
        String key = environment.apply(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(API_KEY_VARIABLE + " is not set: export it with a key from the Bedrock"
                    + " console (Discover → API keys), or " + API_KEY_VARIABLE + "=" + BedrockApiKey.REPLAY_DUMMY_KEY
                    + " to replay recordings");
        }
        String region = firstSet(environment.apply("AWS_REGION"), environment.apply("AWS_DEFAULT_REGION"));
        return builder(BedrockApiKey.of(key))
                .region(region == null ? DEFAULT_REGION : region)
                .build();
    }

    /** The API root requests go to: the override, else {@code https://bedrock-runtime.{region}.amazonaws.com/openai/v1}. */
    public URI baseUri() {
        return baseUriOverride != null
                ? baseUriOverride
                : URI.create("https://bedrock-runtime." + region + ".amazonaws.com/openai/v1");
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(apiKey)
                .region(region)
                .baseUri(baseUriOverride)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retryPolicy(retryPolicy)
                .reasoningPolicy(reasoningPolicy);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Collects the optional settings. */
    public static final class Builder {
        private final BedrockApiKey apiKey;
        private String region = DEFAULT_REGION;
        private URI baseUri;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(2);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ReasoningPolicy reasoningPolicy = ReasoningPolicy.KEEP_IN_HISTORY;

        private Builder(BedrockApiKey apiKey) {
            this.apiKey = apiKey;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }
        /** Sends to this API root instead of Bedrock's, e.g. {@code http://127.0.0.1:8080/openai/v1}. */
        public Builder baseUri(URI value) {
            this.baseUri = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        public Builder reasoningPolicy(ReasoningPolicy value) {
            this.reasoningPolicy = value;
            return this;
        }

        public BedrockConfig build() {
            return new BedrockConfig(
                    apiKey, region, baseUri, connectTimeout, requestTimeout, retryPolicy, reasoningPolicy);
        }
    }
}
