package dev.replayharness.anthropicsdk;

import java.nio.file.Path;
import java.util.List;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;

import dev.replayharness.anthropicsdk.emulator.MessagesEmulator;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * Where a recorded test's requests go. Replay (the default): bedrock-mantle's real URL, which is never
 * contacted, with a dummy key. Recording: the setup named by {@code -Dsetup} (default
 * {@value #DEFAULT_SETUP}, the loopback emulator this class starts; {@code bedrock-mantle} is Amazon
 * Bedrock itself, with the key from {@code AWS_BEARER_TOKEN_BEDROCK}).
 */
final class MantleUpstream implements AutoCloseable {
    static final String DEFAULT_SETUP = "bedrock-mantle-emulator";
    static final String REPLAY_KEY = "replay-mode-dummy-key";
    static final String EMULATOR_KEY = "emulator-key-not-a-secret";

    private final MessagesEmulator emulator;
    private final String baseUrl;
    private final String apiKey;
    private final String model;

    private MantleUpstream(MessagesEmulator emulator, String baseUrl, String apiKey, String model) {
        this.emulator = emulator;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.model = model;
    }

    static MantleUpstream forSession(HarnessSession session) {
        Setup setup = Setup.load(System.getProperty(Setup.KEY, DEFAULT_SETUP), Path.of(""));
        String endpoint = setup.require("endpoint", List.of("aws", "emulator"));
        String model = setup.require("text-model");
        String mantle = "https://bedrock-mantle." + setup.require("region") + ".api.aws/anthropic";
        if (session.mode() == Mode.REPLAY) {
            return new MantleUpstream(null, mantle, REPLAY_KEY, model);
        }
        if (endpoint.equals("emulator")) {
            MessagesEmulator emulator = MessagesEmulator.start();
            return new MantleUpstream(emulator, emulator.baseUrl(), EMULATOR_KEY, model);
        }
        String key = System.getenv("AWS_BEARER_TOKEN_BEDROCK");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "Recording against setup '" + setup.name() + "' (Amazon Bedrock) needs a key:"
                            + " export AWS_BEARER_TOKEN_BEDROCK, or record against the emulator with -Dsetup="
                            + DEFAULT_SETUP + ".");
        }
        return new MantleUpstream(null, mantle, key, model);
    }

    /** The SDK's own OkHttp client, with this upstream's URL and key, through {@code session}. */
    AnthropicClient client(HarnessSession session) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(baseUrl)
                .authToken(apiKey)
                .addInterceptor(HarnessAnthropic.interceptor(session))
                .build();
    }

    String model() {
        return model;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
