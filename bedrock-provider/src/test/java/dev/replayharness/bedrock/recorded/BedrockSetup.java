package dev.replayharness.bedrock.recorded;

import java.net.http.HttpClient;
import java.util.List;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.setups.Setup;

/**
 * A Bedrock setup ({@code suites/setups/<name>.properties} with {@code endpoint} {@code aws} or
 * {@code emulator}, {@code text-model}, {@code region}, {@code stack-config}): where the Bedrock
 * recorded tests send their requests when they record. One per run; the emulator setup starts the
 * emulator once and stops it when the run ends.
 */
public final class BedrockSetup implements AutoCloseable {
    /** The setup when none is named: {@value}. */
    public static final String DEFAULT_NAME = "bedrock";
    /** The token the emulator setup uses: not a credential. */
    static final String EMULATOR_TOKEN = "emulator-token-not-a-secret";

    private final Setup setup;
    private final boolean emulated;
    private BedrockEmulator emulator;

    BedrockSetup(Setup setup) {
        this.setup = setup;
        this.emulated = setup.require("endpoint", List.of("aws", "emulator")).equals("emulator");
        setup.require("text-model");
        setup.require("region");
        setup.require("stack-config");
    }

    public String name() {
        return setup.name();
    }

    /** The stack model id the tests ask for, e.g. {@code bedrock/openai.gpt-oss-20b-1:0}. */
    public String textModel() {
        return setup.require("text-model");
    }

    public String region() {
        return setup.require("region");
    }

    /** A client for this setup whose HTTP goes through the current test's recordings. */
    public BedrockClient client(HttpClientWiring wiring) {
        return client(wiring, null);
    }

    /** The same, with other registered models than the stack config's ({@code null}: the stack config's). */
    public BedrockClient client(HttpClientWiring wiring, ModelRegistry models) {
        return client(wiring, models, dev.replayharness.bedrock.Sleeper.system());
    }

    /** A client whose retries wait on {@code sleeper} (so a test can see the waits instead of sleeping them). */
    public synchronized BedrockClient client(
            HttpClientWiring wiring, ModelRegistry models, dev.replayharness.bedrock.Sleeper sleeper) {
        StackConfig stack = StackConfig.load(setup.path("stack-config"));
        BedrockConfig config =
                stack.bedrockConfig().toBuilder().region(region()).build();
        if (emulated) {
            if (emulator == null) {
                emulator = BedrockEmulator.start();
            }
            config = BedrockConfig.builder(BedrockApiKey.of(EMULATOR_TOKEN))
                    .region(region())
                    .baseUri(emulator.baseUri())
                    .build();
        }
        return BedrockClient.builder(config)
                .models(models == null ? stack.models() : models)
                .httpClient(wiring.wrap(HttpClient.newHttpClient()))
                .sleeper(sleeper)
                .build();
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "BedrockSetup[" + setup + "]";
    }
}
