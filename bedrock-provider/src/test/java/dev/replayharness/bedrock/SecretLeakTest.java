package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.openai.ChatCompletionRequest;

@DisplayName("The API key appears in no exception message, stack trace or toString()")
class SecretLeakTest {

    static final String CANARY = "CANARY-4f1d9b-do-not-print";
    static final String LONG_TERM = "ABSK" + CANARY;
    static final String SHORT_TERM = ShortTermKeys.twelveHourKey(CANARY);

    BedrockEmulator emulator;
    final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    static ChatCompletionRequest hello() {
        return ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0")
                .user("Hello, world!")
                .build();
    }

    BedrockClient client(String key, Instant now) {
        return TestClients.client(
                emulator,
                key,
                config -> config.retryPolicy(
                        new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(1))),
                new FakeTime(now));
    }

    void collect(Executable executable) {
        try {
            executable.execute();
            throw new AssertionError("expected a failure");
        } catch (Throwable failure) {
            failures.add(failure);
        }
    }

    @Test
    @DisplayName("for every failure kind and every value that holds the key")
    void nowhere(@TempDir Path dir) throws Exception {
        BedrockClient longTerm = client(LONG_TERM, FakeTime.MORNING);
        emulator.requireToken("another-key");
        collect(() -> longTerm.chat(hello())); // 401 invalid
        emulator.requireToken(null);
        collect(() -> client("expired-" + CANARY, FakeTime.MORNING).chat(hello())); // 401 expired
        emulator.enqueue(ScriptedResponse.of(403, "{\"Message\":\"denied\"}"));
        collect(() -> longTerm.chat(hello())); // 403
        collect(() -> longTerm.chat(ChatCompletionRequest.builder("openai.gpt-oss-20b-1:0")
                .user("x")
                .extraField("bogus", 1)
                .build())); // 400
        emulator.enqueue(ScriptedResponse.throttled("0"), ScriptedResponse.throttled("0"));
        collect(() -> longTerm.chatStream(hello())); // retries exhausted
        collect(() ->
                longTerm.chat(ChatCompletionRequest.builder("nope").user("x").build())); // unknown model
        collect(() -> longTerm.textCompletion("m", "p")); // unsupported
        collect(() -> client(SHORT_TERM, Instant.parse("2025-06-01T00:00:00Z")).chat(hello())); // expired short-term
        collect(() -> client(SHORT_TERM.substring(0, 40), FakeTime.MORNING)); // malformed short-term
        Path yaml = Files.writeString(
                dir.resolve("bedrock-run.yaml"),
                "providers:\n  inference:\n"
                        + "    - provider_id: bedrock\n      provider_type: remote::bedrock\n"
                        + "      config:\n        api_key: ${env.KEY}\n        region_name: us_west_2\n");
        collect(() -> StackConfig.load(yaml, Map.of("KEY", LONG_TERM)::get)); // bad stack config
        emulator.close();
        collect(() -> longTerm.chat(hello())); // transport

        assertThat(failures)
                .hasSize(11)
                .allSatisfy(failure -> assertThat(everythingPrinted(failure))
                        .doesNotContain(CANARY)
                        .doesNotContain(SHORT_TERM.substring(16, 40)));

        BedrockConfig config = longTerm.config();
        StackConfig stack =
                StackConfig.load(Path.of("bedrock-run.yaml"), Map.of("AWS_BEARER_TOKEN_BEDROCK", LONG_TERM)::get);
        assertThat(List.of(
                        config.toString(),
                        config.apiKey().toString(),
                        longTerm.toString(),
                        stack.toString(),
                        BedrockApiKey.of(SHORT_TERM).toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
    }

    /** toString and message of the failure and all its causes, with stack traces, as a log would show it. */
    static String everythingPrinted(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
