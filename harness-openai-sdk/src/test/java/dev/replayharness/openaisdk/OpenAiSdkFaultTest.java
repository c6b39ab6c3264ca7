package dev.replayharness.openaisdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.fault.ExchangeMatcher;
import dev.replayharness.core.fault.Faults;

/**
 * Each fault kind through the OpenAI SDK transport: a stream recorded from the loopback Bedrock emulator into a
 * temporary folder, then replayed with the fault (the SDK's own retries off, so each call is one exchange).
 */
@DisplayName("Faults through the OpenAI SDK transport")
class OpenAiSdkFaultTest {
    static final String TEST = "OpenAiSdkFaultTest#stream";
    static final ChatCompletionCreateParams ASK = ChatCompletionCreateParams.builder()
            .model(SdkUpstream.MODEL)
            .addUserMessage("What's the name of the Sun in latin?")
            .build();

    @TempDir
    static Path recordings;

    static BedrockEmulator emulator;
    static int recordedChunks;

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    static Harness.Builder harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("sdk-faults")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty());
    }

    static OpenAIClient client(HarnessSession session) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(HarnessOpenAiTransport.of(session))
                .baseUrl(emulator.baseUri().toString())
                .apiKey(SdkUpstream.EMULATOR_KEY)
                .maxRetries(0)
                .build());
    }

    static List<ChatCompletionChunk> stream(OpenAIClient openai, List<ChatCompletionChunk> seen) {
        try (StreamResponse<ChatCompletionChunk> stream =
                openai.chat().completions().createStreaming(ASK)) {
            stream.stream().forEach(seen::add);
        }
        return seen;
    }

    @BeforeAll
    static void record() {
        emulator = BedrockEmulator.start();
        try (HarnessSession session = harness(Mode.RECORD).build().session(TEST)) {
            OpenAIClient openai = client(session);
            recordedChunks = stream(openai, new ArrayList<>()).size();
            openai.close();
        }
        assertThat(recordedChunks).isGreaterThan(3);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Replays the recorded stream with {@code faults} declared; returns what the SDK saw, or rethrows. */
    List<ChatCompletionChunk> replay(Consumer<Faults> faults, List<ChatCompletionChunk> seen) {
        try (HarnessSession session =
                harness(Mode.REPLAY).sleeper(waits::add).build().session(TEST)) {
            faults.accept(session.faults());
            OpenAIClient openai = client(session);
            try {
                return stream(openai, seen);
            } finally {
                openai.close();
            }
        }
    }

    static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }

    @Nested
    @DisplayName("replacing the response")
    class Replacing {
        @Test
        @DisplayName("status 429 with Retry-After: the SDK's RateLimitException, with Bedrock's message")
        void status() {
            assertThatThrownBy(() -> replay(
                            f -> f.on(ExchangeMatcher.any()).status(429).retryAfter(Duration.ofSeconds(2)),
                            new ArrayList<>()))
                    .isInstanceOfSatisfying(RateLimitException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.headers().values("retry-after")).containsExactly("2");
                    })
                    .hasMessageContaining("Too many requests, please wait before trying again.");
        }

        @Test
        @DisplayName("reset, refused, timeout: the SDK's I/O failure, with the injected cause")
        void transport() {
            for (String kind : List.of("reset", "refused", "timeout")) {
                assertThatThrownBy(() -> replay(f -> f.declare(kind, "test"), new ArrayList<>()))
                        .as(kind)
                        .satisfies(e -> assertThat(chain(e)).contains("(injected by Replay Harness: '" + kind + "'"));
            }
        }
    }

    @Nested
    @DisplayName("shaping the recorded stream")
    class Shaping {
        @Test
        @DisplayName("cut after 2 events: the SDK's stream ends after the recording's first 2 chunks")
        void cut() {
            assertThat(replay(f -> f.on(ExchangeMatcher.any()).cutAfterEvents(2), new ArrayList<>()))
                    .hasSize(2);
        }

        @Test
        @DisplayName("cut after 2 events with a reset: 2 chunks, then the SDK's stream fails with the reset")
        void cutWithReset() {
            List<ChatCompletionChunk> seen = new ArrayList<>();
            assertThatThrownBy(() -> replay(f -> f.declare("cut-after-events=2;reset", "test"), seen))
                    .satisfies(e -> assertThat(chain(e)).contains("Connection reset (injected by Replay Harness"));
            assertThat(seen).hasSize(2);
        }

        @Test
        @DisplayName("cut after 30 bytes: no whole chunk reaches the SDK")
        void cutBytes() {
            assertThat(replay(f -> f.on(ExchangeMatcher.any()).cutAfterBytes(30), new ArrayList<>()))
                    .isEmpty();
        }

        @Test
        @DisplayName("malformed event 2: the SDK fails parsing it, after the first chunk")
        void malformed() {
            List<ChatCompletionChunk> seen = new ArrayList<>();
            assertThatThrownBy(() -> replay(f -> f.on(ExchangeMatcher.any()).malformedEvent(2), seen));
            assertThat(seen).hasSize(1);
        }

        @Test
        @DisplayName("stall before event 3 and latency: every chunk arrives, after the waits on the harness's sleeper")
        void stallAndLatency() {
            assertThat(replay(
                            f -> {
                                f.on(ExchangeMatcher.any()).stall(Duration.ofSeconds(30), 3);
                                f.on(ExchangeMatcher.any()).latency(Duration.ofSeconds(4), Duration.ZERO);
                            },
                            new ArrayList<>()))
                    .hasSize(recordedChunks);
            assertThat(waits).containsExactlyInAnyOrder(Duration.ofSeconds(4), Duration.ofSeconds(30));
        }
    }
}
