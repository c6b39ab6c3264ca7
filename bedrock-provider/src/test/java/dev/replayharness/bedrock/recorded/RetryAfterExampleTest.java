package dev.replayharness.bedrock.recorded;

// The README's "Testing failure paths" example, verbatim from the first import on (ReadmeFaultExampleTest checks).
// It replays recordings/bedrock/fba3ebdb….json, recorded by BedrockRecordedFaultsTest#answers (shared scope).

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.junit.Fault;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.ModeOverride;
import dev.replayharness.junit.Recorded;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;

// Always replays: the recording is BedrockRecordedFaultsTest's, which records it (against the emulator or Bedrock).
@Recorded(namespace = "bedrock", scope = RecordingScope.SHARED, mode = ModeOverride.REPLAY)
class RetryAfterExampleTest {

    @Test
    @Fault("status=429;retry-after=2s;path=/openai/v1/chat/completions;nth=1")
    void waitsWhatRetryAfterSaysThenRetries(HttpClientWiring wiring) {
        List<Duration> waits = new ArrayList<>();
        BedrockClient bedrock = BedrockClient.builder(
                        BedrockConfig.builder(BedrockApiKey.of(BedrockApiKey.REPLAY_DUMMY_KEY))
                                .build())
                .httpClient(wiring.wrap(HttpClient.newHttpClient())) // through this test's recordings
                .sleeper(waits::add) // see the waits instead of sleeping them
                .build();

        ChatCompletion answer = bedrock.chat(ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0")
                .user("Which planet do humans live on?")
                .build());

        // The first attempt got the injected 429; the retry replayed the recorded answer.
        assertThat(answer.content()).containsIgnoringCase("earth");
        assertThat(waits).containsExactly(Duration.ofSeconds(2)); // Retry-After, not the client's own backoff
    }
}
