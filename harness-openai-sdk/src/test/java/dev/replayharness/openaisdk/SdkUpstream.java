package dev.replayharness.openaisdk;

import java.nio.file.Path;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded SDK test's requests go. Replay (the default): Bedrock's real URL, which is never
 * contacted, with a dummy key. Recording: the setup named by {@code -Dsetup} (default
 * {@value #DEFAULT_SETUP}, the loopback emulator this class starts; {@code bedrock} is Amazon Bedrock
 * itself, with the key from {@code AWS_BEARER_TOKEN_BEDROCK}).
 */
final class SdkUpstream implements AutoCloseable {
    static final String DEFAULT_SETUP = "bedrock-emulator";
    /** The model every recorded test asks for, as Bedrock names it. */
    static final String MODEL = "openai.gpt-oss-20b-1:0";

    static final String REPLAY_KEY = "replay-mode-dummy-key";
    static final String EMULATOR_KEY = "emulator-token-not-a-secret";

    private final BedrockEmulator emulator;
    private final String baseUrl;
    private final String apiKey;

    private SdkUpstream(BedrockEmulator emulator, String baseUrl, String apiKey) {
        this.emulator = emulator;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static SdkUpstream forSession(HarnessSession session) {
        Setup setup = Setup.load(System.getProperty(Setup.KEY, DEFAULT_SETUP), Path.of(""));
        String endpoint = setup.require("endpoint", List.of("aws", "emulator"));
        String bedrock = "https://bedrock-runtime." + setup.require("region") + ".amazonaws.com/openai/v1";
        if (session.mode() == Mode.REPLAY) {
            return new SdkUpstream(null, bedrock, REPLAY_KEY);
        }
        if (endpoint.equals("emulator")) {
            BedrockEmulator emulator = BedrockEmulator.start();
            return new SdkUpstream(emulator, emulator.baseUri().toString(), EMULATOR_KEY);
        }
        String token = System.getenv("AWS_BEARER_TOKEN_BEDROCK");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "Recording against setup '" + setup.name() + "' (Amazon Bedrock) needs a key:"
                            + " export AWS_BEARER_TOKEN_BEDROCK, or record against the emulator with -Dsetup="
                            + DEFAULT_SETUP + ".");
        }
        return new SdkUpstream(null, bedrock, token);
    }

    /** The emulator, when recording against it: to script errors. Null otherwise. */
    BedrockEmulator emulator() {
        return emulator;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The official SDK client over {@code transport}, with this upstream's URL and key. */
    OpenAIClient client(HarnessOpenAiTransport transport) {
        return client(transport, baseUrl);
    }

    /** The same, sending to {@code baseUrl} instead. */
    OpenAIClient client(HarnessOpenAiTransport transport, String baseUrl) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(transport)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .build());
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
