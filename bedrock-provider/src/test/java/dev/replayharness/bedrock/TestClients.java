package dev.replayharness.bedrock;

import java.net.http.HttpClient;
import java.util.Random;
import java.util.function.UnaryOperator;

import dev.replayharness.bedrock.emulator.BedrockEmulator;

/** Builds clients pointed at an emulator, with fake time and seeded jitter. */
final class TestClients {

    /** A plain java.net.http client, as an application or the record/replay harness would inject. */
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final String KEY = "test-key-for-the-emulator";
    static final long SEED = 42;

    private TestClients() {}

    static BedrockClient client(BedrockEmulator emulator) {
        return client(emulator, KEY, config -> config, new FakeTime());
    }

    static BedrockClient client(
            BedrockEmulator emulator, String key, UnaryOperator<BedrockConfig.Builder> settings, FakeTime time) {
        return client(emulator, key, settings, time, ModelRegistry.defaults());
    }

    static BedrockClient client(
            BedrockEmulator emulator,
            String key,
            UnaryOperator<BedrockConfig.Builder> settings,
            FakeTime time,
            ModelRegistry models) {
        BedrockConfig config = settings.apply(
                        BedrockConfig.builder(BedrockApiKey.of(key)).baseUri(emulator.baseUri()))
                .build();
        return BedrockClient.builder(config)
                .httpClient(HTTP)
                .models(models)
                .clock(time)
                .sleeper(time)
                .random(new Random(SEED))
                .build();
    }
}
