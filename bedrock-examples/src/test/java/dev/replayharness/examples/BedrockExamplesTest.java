package dev.replayharness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.junit.HarnessCustomizer;
import dev.replayharness.junit.Recorded;

/**
 * Runs the examples program as a user without a token would: from {@code recordings/bedrock-examples},
 * the same shared recordings the program replays. With {@code -Dharness.mode=record} it re-records
 * them against the emulator.
 */
@Recorded(
        namespace = BedrockExamples.NAMESPACE,
        scope = RecordingScope.SHARED,
        normalization = BedrockExamplesTest.Normalization.class)
@DisplayName("The Bedrock examples program")
class BedrockExamplesTest {

    /** As {@link BedrockExamples#harness}: OpenAI-style ids normalized. */
    public static final class Normalization implements HarnessCustomizer {
        @Override
        public void customize(Harness.Builder harness) {
            harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
        }
    }

    @Test
    @DisplayName("runs examples 1-6 from the recordings: no token, no network")
    void examples(HttpClient http, HarnessSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BedrockEmulator emulator = BedrockEmulator.start()) { // answers only when recording
            BedrockExamples.run(
                    new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    BedrockExamples.repositoryRoot(),
                    session.mode() == Mode.REPLAY ? null : emulator.baseUri(),
                    name -> null,
                    http);
            assertThat(emulator.requestCount())
                    .as("requests the emulator saw in mode %s", session.mode())
                    .isEqualTo(
                            session.mode() == Mode.REPLAY
                                    ? 0
                                    : 7); // example 5 asks twice; example 6's unknown model never leaves
        }
        assertThat(session.uses())
                .hasSize(7)
                .extracting(RecordingUse::outcome)
                .containsOnly(
                        session.mode() == Mode.REPLAY ? RecordingUse.Outcome.REPLAYED : RecordingUse.Outcome.RECORDED);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("== Example 1: simple chat completion\nResponse: ")
                .contains("Earth")
                .contains("Tokens used: ")
                .contains("Streaming response: ")
                .contains("Sol")
                .contains("== Example 3: multi-turn conversation\nResponse: ")
                .contains("Alice")
                .contains("Shakespeare: ")
                .contains("Low temperature (0.1): ")
                .contains("High temperature (0.9, top_p 0.95): ")
                .contains("Model not found: ")
                .contains("bedrock/no-such-model")
                .doesNotContain("<reasoning>");
    }
}
