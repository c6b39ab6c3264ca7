package dev.replayharness.langchain4j;

import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded test's requests go. Replay (the default): Bedrock's real URL, never contacted, with a
 * dummy key. Recording: the setup named by {@code -Dsetup} (default {@value #DEFAULT_SETUP}, the loopback
 * emulator this class starts; {@code bedrock} is Amazon Bedrock, with {@code AWS_BEARER_TOKEN_BEDROCK}).
 */
final class Upstream implements AutoCloseable {
    static final String DEFAULT_SETUP = "bedrock-emulator";
    static final String MODEL = "openai.gpt-oss-20b-1:0";
    static final String BEDROCK = "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1";

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
        String bedrock = "https://bedrock-runtime." + setup.require("region") + ".amazonaws.com/openai/v1";
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
        return new Upstream(emulator, emulator.baseUri().toString(), "emulator-token-not-a-secret");
    }

    BedrockEmulator bedrockEmulator() {
        return emulator;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** maxRetries(0): a recorded test should see each answer as it came; a replay miss is never retried anyway. */
    OpenAiChatModel.OpenAiChatModelBuilder chat(HarnessSession session) {
        return chat(HarnessLangChain4j.builder(session));
    }

    /** The same over {@code http}: the {@code HttpClientBuilder} a {@code @Recorded} test takes as a parameter. */
    OpenAiChatModel.OpenAiChatModelBuilder chat(dev.langchain4j.http.client.HttpClientBuilder http) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(MODEL)
                .maxRetries(0);
    }

    OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder streaming(HarnessSession session) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(HarnessLangChain4j.builder(session))
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(MODEL);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
