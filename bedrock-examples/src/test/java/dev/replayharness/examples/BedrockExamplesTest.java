package dev.replayharness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Mode;

/**
 * Runs the examples program as a user without a token would: from the committed recordings. With
 * {@code -Dharness.mode=record} the same test re-records them against the emulator.
 */
@DisplayName("The Bedrock examples program")
class BedrockExamplesTest {

    @Test
    @DisplayName("runs examples 1-6 from recordings/bedrock-examples with no token and no network")
    void replays() {
        Mode mode = Mode.resolve(Optional.empty(), ConfigurationSource.systemProperties(), ConfigurationSource.empty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BedrockEmulator emulator = BedrockEmulator.start()) {   // only reached when recording
            BedrockExamples.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, mode,
                    mode == Mode.REPLAY ? null : emulator.baseUri(), BedrockExamples.repositoryRoot());
            assertThat(emulator.requestCount()).as("requests the emulator saw in mode %s", mode)
                    .isEqualTo(mode == Mode.REPLAY ? 0 : 7); // example 5 asks twice; example 6's unknown model never leaves
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("== Example 1: simple chat completion\nResponse: ").contains("Earth")
                .contains("Tokens used: ")
                .contains("Streaming response: ").contains("Sol")
                .contains("== Example 3: multi-turn conversation\nResponse: ").contains("Alice")
                .contains("Shakespeare: ")
                .contains("Low temperature (0.1): ").contains("High temperature (0.9, top_p 0.95): ")
                .contains("Model not found: ").contains("bedrock/no-such-model")
                .doesNotContain("<reasoning>");
    }
}
