package dev.replayharness.generic;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where an OpenAI-compatible server is and how to call it.
 *
 * @param baseUri the API root, e.g. {@code http://localhost:11434/v1}; chat completions are at {@code <baseUri>/chat/completions}
 * @param apiKey the bearer token, or {@code null} for servers without authentication (a local Ollama)
 * @param models the models requests may name; empty means any
 * @param requestTimeout how long one request may take
 */
public record GenericProviderConfig(URI baseUri, String apiKey, List<String> models, Duration requestTimeout) {
    /** Environment variable with the base URL: {@value}. */
    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
    /** Environment variable with the key: {@value}. */
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";

    public GenericProviderConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException(
                    "Base URL '" + baseUri + "' must start with http:// or https://, e.g. http://localhost:11434/v1");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        models = models == null ? List.of() : List.copyOf(models);
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(2) : requestTimeout;
    }

    /** Base URL and key from {@value #BASE_URL_VARIABLE} and {@value #API_KEY_VARIABLE}. */
    public static GenericProviderConfig fromEnvironment(Function<String, String> environment) {
        String base = environment.apply(BASE_URL_VARIABLE);
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " is not set. Set it to the server's API root, e.g. "
                    + "http://localhost:11434/v1 for Ollama.");
        }
        return new GenericProviderConfig(URI.create(base.trim()), environment.apply(API_KEY_VARIABLE), List.of(), null);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "GenericProviderConfig[baseUri=" + baseUri + ", apiKey=" + (apiKey == null ? "none" : "(set)")
                + ", models=" + models + ", requestTimeout=" + requestTimeout + "]";
    }
}
