package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.replayharness.bedrock.BedrockAuthenticationException;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockRetriesExhaustedException;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.Fault;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.Recorded;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.OpenAiTransportException;

/**
 * The Bedrock client's failure paths on replayed recordings, with faults injected into them: throttling with
 * {@code Retry-After}, a 503 burst, retries exhausted, a reset mid-stream, an expired key. They run beside the
 * emulator's tests of the same paths (RetryTest, BedrockErrorsTest), which they do not replace: those script the
 * upstream, these replay what it once answered. The recordings are shared (one answer and one stream, recorded
 * by {@link #answers} and {@link #streams} against the emulator or Bedrock, run first), so each fault test replays
 * them; a faulted exchange never reaches upstream, also when recording.
 */
@Recorded(namespace = "bedrock", normalization = BedrockNormalization.class, scope = RecordingScope.SHARED)
@ExtendWith(BedrockSetupExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Bedrock retries and errors, on replayed recordings with injected faults")
class BedrockRecordedFaultsTest {
    static final String QUESTION = "Which planet do humans live on?";
    static final String STREAMED = "What's the name of the Sun in latin?";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    BedrockClient bedrock;
    String model;
    HarnessSession session;

    @BeforeEach
    void client(BedrockSetup setup, HttpClientWiring wiring, HarnessSession session) {
        this.bedrock = setup.client(wiring, null, waits::add);
        this.model = setup.textModel();
        this.session = session;
    }

    ChatCompletion ask() {
        return bedrock.chat(ChatCompletionRequest.builder(model).user(QUESTION).build());
    }

    List<RecordingUse.Outcome> outcomes() {
        return session.uses().stream().map(RecordingUse::outcome).toList();
    }

    @Test
    @Order(1)
    @DisplayName("(the answer the fault tests replay)")
    void answers() {
        assertThat(Answers.normalized(ask().content())).contains("earth");
    }

    @Test
    @Order(1)
    @DisplayName("(the stream the fault tests replay)")
    void streams() {
        try (ChatCompletionStream stream = bedrock.chatStream(
                ChatCompletionRequest.builder(model).user(STREAMED).build())) {
            assertThat(Answers.normalized(stream.accumulate().content())).contains("sol");
        }
    }

    @Test
    @Order(2)
    @Fault("status=429;retry-after=2s;path=/openai/v1/chat/completions;nth=1")
    @DisplayName("429 with Retry-After: 2 — the client waits 2 s, retries, and gets the recorded answer")
    void throttledThenAnswered() {
        assertThat(Answers.normalized(ask().content())).contains("earth");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(outcomes()).startsWith(RecordingUse.Outcome.INJECTED).hasSize(2);
    }

    @Test
    @Order(2)
    @Fault("status=503;nth=1-2")
    @DisplayName("a burst of two 503s — two backoff waits, then the recorded answer on the third attempt")
    void burstOf503() {
        assertThat(Answers.normalized(ask().content())).contains("earth");
        assertThat(waits).hasSize(2);
        assertThat(outcomes().subList(0, 2))
                .containsExactly(RecordingUse.Outcome.INJECTED, RecordingUse.Outcome.INJECTED);
    }

    @Test
    @Order(2)
    @Fault("status=503")
    @DisplayName("503 on every attempt — retries exhausted after the policy's 3 attempts, with Bedrock's message")
    void retriesExhausted() {
        assertThatThrownBy(this::ask)
                .isInstanceOfSatisfying(
                        BedrockRetriesExhaustedException.class,
                        e -> assertThat(e.attempts()).isEqualTo(3))
                .hasMessageContaining("Bedrock is unable to process your request.");
        assertThat(outcomes()).containsOnly(RecordingUse.Outcome.INJECTED).hasSize(3);
    }

    @Test
    @Order(2)
    @Fault("cut-after-events=3;reset")
    @DisplayName("a connection reset after 3 events of the recorded stream — the chunks before it, then a"
            + " transport error from the stream (a started stream is not retried)")
    void resetMidStream() {
        List<ChatCompletionChunk> seen = new ArrayList<>();
        try (ChatCompletionStream stream = bedrock.chatStream(
                ChatCompletionRequest.builder(model).user(STREAMED).build())) {
            assertThatThrownBy(() -> stream.stream().forEach(seen::add))
                    .isInstanceOf(OpenAiTransportException.class)
                    .hasMessageContaining("broke off")
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness: 'cut-after-events=3;reset'");
        }
        assertThat(seen).hasSizeLessThanOrEqualTo(3).isNotEmpty();
        assertThat(outcomes()).containsExactly(RecordingUse.Outcome.REPLAYED);
    }

    @Test
    @Order(2)
    @Fault("status=401;body={\"Message\":\"Bearer Token has expired\"}")
    @DisplayName("an expired key — 401 'Bearer Token has expired' becomes an expired-key error, not retried")
    void expiredKey() {
        assertThatThrownBy(this::ask)
                .isInstanceOfSatisfying(
                        BedrockAuthenticationException.class,
                        e -> assertThat(e.isExpired()).isTrue())
                .hasMessageContaining("it has expired");
        assertThat(outcomes()).containsExactly(RecordingUse.Outcome.INJECTED);
    }
}
