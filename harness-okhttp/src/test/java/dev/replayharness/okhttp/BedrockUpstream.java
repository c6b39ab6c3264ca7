package dev.replayharness.okhttp;

import java.nio.file.Path;
import java.util.List;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded test's requests go. Replay (the default): Bedrock's real URL, which is never
 * contacted, with a dummy key. Recording: the setup named by {@code -Dsetup} (default
 * {@value #DEFAULT_SETUP}, the loopback emulator this class starts; {@code bedrock} is Amazon Bedrock
 * itself, with the key from {@code AWS_BEARER_TOKEN_BEDROCK}).
 */
final class BedrockUpstream implements AutoCloseable {
    static final String DEFAULT_SETUP = "bedrock-emulator";
    /** The model every recorded test asks for, as Bedrock names it. */
    static final String MODEL = "openai.gpt-oss-20b-1:0";

    static final String REPLAY_KEY = "replay-mode-dummy-key";
    static final String EMULATOR_KEY = "emulator-token-not-a-secret";

    private final BedrockEmulator emulator;
    private final String baseUrl;
    private final String apiKey;

    private BedrockUpstream(BedrockEmulator emulator, String baseUrl, String apiKey) {
        this.emulator = emulator;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static BedrockUpstream forSession(HarnessSession session) {
        Setup setup = Setup.load(System.getProperty(Setup.KEY, DEFAULT_SETUP), Path.of(""));
        String endpoint = setup.require("endpoint", List.of("aws", "emulator"));
        String bedrock = "https://bedrock-runtime." + setup.require("region") + ".amazonaws.com/openai/v1";
        if (session.mode() == Mode.REPLAY) {
            return new BedrockUpstream(null, bedrock, REPLAY_KEY);
        }
        if (endpoint.equals("emulator")) {
            BedrockEmulator emulator = BedrockEmulator.start();
            return new BedrockUpstream(emulator, emulator.baseUri().toString(), EMULATOR_KEY);
        }
        String token = System.getenv("AWS_BEARER_TOKEN_BEDROCK");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "Recording against setup '" + setup.name() + "' (Amazon Bedrock) needs a key:"
                            + " export AWS_BEARER_TOKEN_BEDROCK, or record against the emulator with -Dsetup="
                            + DEFAULT_SETUP + ".");
        }
        return new BedrockUpstream(null, bedrock, token);
    }

    /** The OpenAI-compatible API root, e.g. {@code https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1}. */
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
