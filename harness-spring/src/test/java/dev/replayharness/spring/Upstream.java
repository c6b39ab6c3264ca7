package dev.replayharness.spring;

import java.nio.file.Path;
import java.util.List;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded test's requests go. Replay (the default): Bedrock's real URL, never contacted, with a
 * dummy key. Recording: the setup named by {@code -Dsetup} (default {@value #DEFAULT_SETUP}, the loopback
 * emulator this class starts; {@code bedrock} is Amazon Bedrock, with {@code AWS_BEARER_TOKEN_BEDROCK}).
 * Spring AI's {@code OpenAiApi} appends {@code /v1/chat/completions} to its base URL, so the base URL ends
 * before Bedrock's {@code /v1}.
 */
final class Upstream implements AutoCloseable {
    static final String DEFAULT_SETUP = "bedrock-emulator";
    static final String MODEL = "openai.gpt-oss-20b-1:0";
    static final String BEDROCK = "https://bedrock-runtime.us-west-2.amazonaws.com/openai";

    private final BedrockEmulator emulator;
    private final String baseUrl;
    private final String apiKey;

    private Upstream(BedrockEmulator emulator, String baseUrl, String apiKey) {
        this.emulator = emulator;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static Upstream forSession(HarnessSession session) {
        Setup setup = Setup.load(System.getProperty(Setup.KEY, DEFAULT_SETUP), Path.of(""));
        String endpoint = setup.require("endpoint", List.of("aws", "emulator"));
        String bedrock = "https://bedrock-runtime." + setup.require("region") + ".amazonaws.com/openai";
        if (session.mode() == Mode.REPLAY) {
            return new Upstream(null, bedrock, "replay-mode-dummy-key");
        }
        if (endpoint.equals("emulator")) {
            return emulator();
        }
        String token = System.getenv("AWS_BEARER_TOKEN_BEDROCK");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "Recording against setup '" + setup.name() + "' (Amazon Bedrock) needs a key:"
                            + " export AWS_BEARER_TOKEN_BEDROCK, or record against the emulator with -Dsetup="
                            + DEFAULT_SETUP + ".");
        }
        return new Upstream(null, bedrock, token);
    }

    /** A fresh loopback emulator, whatever the mode. */
    static Upstream emulator() {
        BedrockEmulator emulator = BedrockEmulator.start();
        return new Upstream(
                emulator, emulator.baseUri().toString().replaceFirst("/v1$", ""), "emulator-token-not-a-secret");
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
        return emulator;
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
