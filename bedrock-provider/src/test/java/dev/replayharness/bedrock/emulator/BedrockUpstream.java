package dev.replayharness.bedrock.emulator;

import java.nio.file.Path;
import java.util.List;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded test's requests go, for every adapter module's recorded tests (each wraps this in its
 * client's builder). Replay (the default): Bedrock's real URL, which is never contacted, with a dummy key.
 * Recording: the setup named by {@code -Dsetup} (default {@value #DEFAULT_SETUP}, the loopback emulator
 * this class starts; {@code bedrock} is Amazon Bedrock itself, with the key from
 * {@code AWS_BEARER_TOKEN_BEDROCK}). The setup is read from the running module's directory.
 */
public final class BedrockUpstream implements AutoCloseable {
    public static final String DEFAULT_SETUP = "bedrock-emulator";
    /** The model every recorded test asks for, as Bedrock names it. */
    public static final String MODEL = "openai.gpt-oss-20b-1:0";

    public static final String REPLAY_KEY = "replay-mode-dummy-key";
    public static final String EMULATOR_KEY = "emulator-token-not-a-secret";

    private final BedrockEmulator emulator;
    private final String baseUrl;
    private final String apiKey;

    private BedrockUpstream(BedrockEmulator emulator, String baseUrl, String apiKey) {
        this.emulator = emulator;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public static BedrockUpstream forSession(HarnessSession session) {
        Setup setup = Setup.load(System.getProperty(Setup.KEY, DEFAULT_SETUP), Path.of(""));
        String endpoint = setup.require("endpoint", List.of("aws", "emulator"));
        String bedrock = "https://bedrock-runtime." + setup.require("region") + ".amazonaws.com/openai/v1";
        if (session.mode() == Mode.REPLAY) {
            return new BedrockUpstream(null, bedrock, REPLAY_KEY);
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
        return new BedrockUpstream(null, bedrock, token);
    }

    /** A fresh loopback emulator, whatever the mode. */
    public static BedrockUpstream emulator() {
        BedrockEmulator emulator = BedrockEmulator.start();
        return new BedrockUpstream(emulator, emulator.baseUri().toString(), EMULATOR_KEY);
    }

    /** The emulator, when this upstream is one: to script errors. Null otherwise. */
    public BedrockEmulator bedrockEmulator() {
        return emulator;
    }

    /** The OpenAI-compatible API root, e.g. {@code https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
