package dev.replayharness.generic;

import java.net.http.HttpClient;
import java.util.Map;

import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.OpenAiCompatibleClient;

/**
 * Chat completions on any OpenAI-compatible server. Everything on the wire is the shared
 * {@link OpenAiCompatibleClient}'s; this class adds only the model check and the key.
 *
 * <pre>{@code
 * GenericChatProvider ollama = new GenericChatProvider(
 *         new GenericProviderConfig(URI.create("http://localhost:11434/v1"), null, List.of(), null),
 *         HttpClient.newHttpClient());
 * ollama.chat(ChatCompletionRequest.builder("llama3.2").user("Hello!").build()).content();
 * }</pre>
 */
public final class GenericChatProvider {
    private final GenericProviderConfig config;
    private final OpenAiCompatibleClient wire;

    /** A provider whose HTTP goes through {@code httpClient} (a harness-wrapped client in tests). */
    public GenericChatProvider(GenericProviderConfig config, HttpClient httpClient) {
        this.config = config;
        this.wire = OpenAiCompatibleClient.builder()
                .baseUri(config.baseUri())
                .httpClient(httpClient)
                .headers(
                        () -> config.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + config.apiKey()))
                .requestTimeout(config.requestTimeout())
                .build();
    }

    /** A non-streamed completion; failures are the wire client's {@code OpenAiException}s. */
    public ChatCompletion chat(ChatCompletionRequest request) {
        return wire.createChatCompletion(checked(request));
    }

    /** A streamed completion; close it, also when stopping early. */
    public ChatCompletionStream chatStream(ChatCompletionRequest request) {
        return wire.streamChatCompletion(checked(request));
    }

    private ChatCompletionRequest checked(ChatCompletionRequest request) {
        if (!config.models().isEmpty() && !config.models().contains(request.model())) {
            throw new IllegalArgumentException("Model '" + request.model() + "' is not one of this provider's models "
                    + config.models() + ". Use one of them, or leave the model list empty to allow any.");
        }
        return request;
    }

    @Override
    public String toString() {
        return "GenericChatProvider[" + config + "]";
    }
}
