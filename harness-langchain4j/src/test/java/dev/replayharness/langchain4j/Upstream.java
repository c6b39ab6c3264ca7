package dev.replayharness.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.BedrockUpstream;
import dev.replayharness.core.HarnessSession;

/**
 * Where a recorded test's requests go ({@link BedrockUpstream}: Bedrock's real URL, never contacted, in
 * replay; the setup named by {@code -Dsetup} when recording), with LangChain4j's OpenAI models built over it.
 */
final class Upstream implements AutoCloseable {
    static final String DEFAULT_SETUP = BedrockUpstream.DEFAULT_SETUP;
    static final String MODEL = BedrockUpstream.MODEL;
    static final String BEDROCK = "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1";

    private final BedrockUpstream upstream;
    private final String baseUrl;
    private final String apiKey;

    private Upstream(BedrockUpstream upstream) {
        this.upstream = upstream;
        this.baseUrl = upstream.baseUrl();
        this.apiKey = upstream.apiKey();
    }

    static Upstream forSession(HarnessSession session) {
        return new Upstream(BedrockUpstream.forSession(session));
    }

    /** A fresh loopback emulator, whatever the mode. */
    static Upstream emulator() {
        return new Upstream(BedrockUpstream.emulator());
    }

    BedrockEmulator bedrockEmulator() {
        return upstream.bedrockEmulator();
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
        upstream.close();
    }
}
