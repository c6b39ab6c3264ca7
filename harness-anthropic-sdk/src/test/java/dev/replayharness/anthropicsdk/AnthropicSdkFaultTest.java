package dev.replayharness.anthropicsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

import dev.replayharness.anthropicsdk.emulator.MessagesEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.ConnectionCountingServer;

/**
 * Every fault kind through the Anthropic SDK's streaming Messages call (OkHttp transport, no retries), on a stream
 * recorded from the Messages emulator: the SDK's own exception types and the events it hands over before a cut.
 */
@DisplayName("Every fault kind through the Anthropic SDK's streaming Messages call")
class AnthropicSdkFaultTest {
    static final String MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String KEY = "sk-ant-canary-8d2f61b0c4e97a35";
    static final String HAIKU = "Write a haiku about coding";

    @TempDir
    Path recordings;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    ConnectionCountingServer sentinel;
    Seen recorded;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("anthropic-faults")
                .mode(mode)
                .sleeper(waits::add)
                .build()
                .session("AnthropicSdkFaultTest#x");
    }

    /** The event types the caller read, then the exception that ended its read (null when the stream ended). */
    record Seen(List<String> events, Throwable error) {}

    static Seen stream(String baseUrl, HarnessSession session) {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl(baseUrl)
                .authToken(KEY)
                .maxRetries(0)
                .addInterceptor(HarnessAnthropic.interceptor(session))
                .build();
        List<String> events = new CopyOnWriteArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages()
                .createStreaming(MessageCreateParams.builder()
                        .model(MODEL)
                        .maxTokens(64)
                        .addUserMessage(HAIKU)
                        .build())) {
            stream.stream().forEach(e -> events.add(type(e)));
            return new Seen(events, null);
        } catch (RuntimeException e) {
            return new Seen(events, e);
        } finally {
            client.close();
        }
    }

    static String type(RawMessageStreamEvent e) {
        return e.isMessageStart()
                ? "message_start"
                : e.isContentBlockStart()
                        ? "content_block_start"
                        : e.isContentBlockDelta()
                                ? "content_block_delta"
                                : e.isContentBlockStop()
                                        ? "content_block_stop"
                                        : e.isMessageDelta()
                                                ? "message_delta"
                                                : e.isMessageStop() ? "message_stop" : "other";
    }

    @BeforeEach
    void record() throws Exception {
        try (MessagesEmulator emulator = MessagesEmulator.start();
                HarnessSession session = session(Mode.RECORD)) {
            recorded = stream(emulator.baseUrl(), session);
        }
        assertThat(recorded.error()).isNull();
        sentinel = new ConnectionCountingServer();
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(sentinel.acceptedConnections()).isZero();
        sentinel.close();
    }

    Seen replay(String declaration) {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare(declaration, "test");
            return stream(sentinel.uri("/anthropic").toString(), session);
        }
    }

    @Test
    @DisplayName("status 429 with Retry-After: the SDK's RateLimitException with the envelope; no event")
    void status() {
        Seen s = replay("status=429;retry-after=2s");
        assertThat(s.events()).isEmpty();
        assertThat(s.error()).isInstanceOf(RateLimitException.class).hasMessageContaining("Rate limit reached");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
        "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
        "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
    })
    @DisplayName("reset, refused, timeout: the SDK's AnthropicIoException over the socket's own exception")
    void transport(String kind, Class<?> cause, String message) {
        Seen s = replay(kind);
        assertThat(s.events()).isEmpty();
        assertThat(s.error())
                .isInstanceOf(AnthropicIoException.class)
                .rootCause()
                .isInstanceOf(cause)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("cut after 2 events: the recording's first 2 events, then the stream ends")
    void cutAfterEvents() {
        assertThat(replay("cut-after-events=2"))
                .isEqualTo(new Seen(recorded.events().subList(0, 2), null));
    }

    @Test
    @DisplayName("cut after 20 bytes (inside event 1): no event, and the stream ends")
    void cutAfterBytes() {
        assertThat(replay("cut-after-bytes=20")).isEqualTo(new Seen(List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cut-after-events=2;reset, 2", "cut-after-bytes=20;reset, 0"})
    @DisplayName("a cut with a reset: the events before the cut, then AnthropicIoException over the reset")
    void cutWithReset(String declaration, int events) {
        Seen s = replay(declaration);
        assertThat(s.events()).isEqualTo(recorded.events().subList(0, events));
        assertThat(s.error())
                .isInstanceOf(AnthropicIoException.class)
                .rootCause()
                .hasMessageStartingWith("Connection reset (injected by Replay Harness");
    }

    @Test
    @DisplayName("malformed event 2: event 1, then the SDK's AnthropicInvalidDataException")
    void malformed() {
        Seen s = replay("malformed-event=2");
        assertThat(s.events()).containsExactly("message_start");
        assertThat(s.error()).isInstanceOf(AnthropicInvalidDataException.class);
    }

    @Test
    @DisplayName("stall before event 3: every event, after 30 s on the harness's sleeper")
    void stall() {
        assertThat(replay("stall=30s;before-event=3")).isEqualTo(recorded);
        assertThat(waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("latency: every event, after 1 s before the first and 100 ms before each later one")
    void latency() {
        assertThat(replay("latency=1s;between-events=100ms")).isEqualTo(recorded);
        assertThat(waits).first().isEqualTo(Duration.ofSeconds(1));
        assertThat(waits.subList(1, waits.size()))
                // one per later recorded event; the recording holds one more than the SDK hands over, the ping
                .hasSize(recorded.events().size())
                .containsOnly(Duration.ofMillis(100));
    }
}
