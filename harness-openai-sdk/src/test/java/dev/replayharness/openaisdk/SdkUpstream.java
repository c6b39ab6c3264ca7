package dev.replayharness.openaisdk;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.BedrockUpstream;
import dev.replayharness.core.HarnessSession;

/**
 * Where a recorded SDK test's requests go ({@link BedrockUpstream}: Bedrock's URL in replay, the emulator or
 * Bedrock when recording), with the official SDK client built over it.
 */
final class SdkUpstream implements AutoCloseable {
    static final String DEFAULT_SETUP = BedrockUpstream.DEFAULT_SETUP;
    /** The model every recorded test asks for, as Bedrock names it. */
    static final String MODEL = BedrockUpstream.MODEL;

    static final String EMULATOR_KEY = BedrockUpstream.EMULATOR_KEY;

    private final BedrockUpstream upstream;

    private SdkUpstream(BedrockUpstream upstream) {
        this.upstream = upstream;
    }

    static SdkUpstream forSession(HarnessSession session) {
        return new SdkUpstream(BedrockUpstream.forSession(session));
    }

    /** The emulator, when recording against it: to script errors. Null otherwise. */
    BedrockEmulator emulator() {
        return upstream.bedrockEmulator();
    }

    String baseUrl() {
        return upstream.baseUrl();
    }

    /** The official SDK client over {@code transport}, with this upstream's URL and key. */
    OpenAIClient client(HarnessOpenAiTransport transport) {
        return client(transport, baseUrl());
    }

    /** The same, sending to {@code baseUrl} instead. */
    OpenAIClient client(HarnessOpenAiTransport transport, String baseUrl) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(transport)
                .baseUrl(baseUrl)
                .apiKey(upstream.apiKey())
                .build());
    }

    @Override
    public void close() {
        upstream.close();
    }
}
