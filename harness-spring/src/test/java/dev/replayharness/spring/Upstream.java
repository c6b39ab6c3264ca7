package dev.replayharness.spring;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.BedrockUpstream;
import dev.replayharness.core.HarnessSession;

/**
 * Where a recorded test's requests go ({@link BedrockUpstream}: Bedrock's real URL, never contacted, in
 * replay; the setup named by {@code -Dsetup} when recording), with Spring AI's chat model built over it.
 * Spring AI's {@code OpenAiApi} appends {@code /v1/chat/completions} to its base URL, so the base URL ends
 * before Bedrock's {@code /v1}.
 */
final class Upstream implements AutoCloseable {
    static final String DEFAULT_SETUP = BedrockUpstream.DEFAULT_SETUP;
    static final String MODEL = BedrockUpstream.MODEL;
    static final String BEDROCK = "https://bedrock-runtime.us-west-2.amazonaws.com/openai";

    private final BedrockUpstream upstream;
    private final String baseUrl;
    private final String apiKey;

    private Upstream(BedrockUpstream upstream) {
        this.upstream = upstream;
        this.baseUrl = upstream.baseUrl().replaceFirst("/v1$", "");
        this.apiKey = upstream.apiKey();
    }

    static Upstream forSession(HarnessSession session) {
        return new Upstream(BedrockUpstream.forSession(session));
    }

    /** A fresh loopback emulator, whatever the mode. */
    static Upstream emulator() {
        return new Upstream(BedrockUpstream.emulator());
    }

    /** Spring AI's OpenAI chat model over this upstream, its RestClient and WebClient wired to {@code session}. */
    static OpenAiChatModel model(HarnessSession session, String baseUrl, String apiKey, OpenAiChatOptions options) {
        OpenAiApi api = OpenAiApi.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .restClientBuilder(HarnessRestClient.wire(RestClient.builder(), session))
                .webClientBuilder(HarnessWebClient.wire(WebClient.builder(), session))
                .build();
        return OpenAiChatModel.builder().openAiApi(api).defaultOptions(options).build();
    }

    static OpenAiChatOptions.Builder options() {
        return OpenAiChatOptions.builder().model(MODEL);
    }

    OpenAiChatModel model(HarnessSession session) {
        return model(session, baseUrl, apiKey, options().build());
    }

    OpenAiChatModel model(HarnessSession session, OpenAiChatOptions options) {
        return model(session, baseUrl, apiKey, options);
    }

    BedrockEmulator bedrockEmulator() {
        return upstream.bedrockEmulator();
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
