package dev.replayharness.openaisdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.core.ClientOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionChunk;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;

/**
 * Every fault kind through the OpenAI SDK's asynchronous client ({@code OpenAIClientAsync}, the transport's
 * {@code executeAsync}): what the stream handler sees, the chunks before a cut and the error it completes with.
 */
@DisplayName("Every fault kind through the OpenAI SDK's async client")
class OpenAiSdkAsyncFaultTest {
    static final String TEST = "OpenAiSdkAsyncFaultTest#stream";

    @TempDir
    static Path recordings;

    static BedrockEmulator emulator;
    static Seen recorded;

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** The chunks' ids and contents the handler saw, then the error it completed with (null when none). */
    record Seen(List<String> chunks, Throwable error) {}

    static Harness.Builder harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("sdk-async-faults")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty());
    }

    static OpenAIClientAsync client(HarnessSession session) {
        return new OpenAIClientAsyncImpl(ClientOptions.builder()
                .httpClient(HarnessOpenAiTransport.of(session))
                .baseUrl(emulator.baseUri().toString())
                .apiKey(SdkUpstream.EMULATOR_KEY)
                .maxRetries(0)
                .build());
    }

    static Seen stream(HarnessSession session) throws Exception {
        OpenAIClientAsync openai = client(session);
        List<String> chunks = new CopyOnWriteArrayList<>();
        CompletableFuture<Optional<Throwable>> end = new CompletableFuture<>();
        try {
            AsyncStreamResponse<ChatCompletionChunk> stream =
                    openai.chat().completions().createStreaming(OpenAiSdkFaultTest.ASK);
            stream.subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
                @Override
                public void onNext(ChatCompletionChunk chunk) {
                    chunks.add(
                            chunk.choices().isEmpty()
                                    ? "(no choice)"
                                    : chunk.choices().get(0).delta().content().orElse(""));
                }

                @Override
                public void onComplete(Optional<Throwable> error) {
                    end.complete(error);
                }
            });
            return new Seen(chunks, end.get(30, TimeUnit.SECONDS).orElse(null));
        } finally {
            openai.close();
        }
    }

    @BeforeAll
    static void record() throws Exception {
        emulator = BedrockEmulator.start();
        try (HarnessSession session = harness(Mode.RECORD).build().session(TEST)) {
            recorded = stream(session);
        }
        assertThat(recorded.error()).isNull();
        assertThat(recorded.chunks()).hasSizeGreaterThan(3);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    Seen replay(String declaration) throws Exception {
        try (HarnessSession session =
                harness(Mode.REPLAY).sleeper(waits::add).build().session(TEST)) {
            session.faults().declare(declaration, "test");
            return stream(session);
        }
    }

    @Test
    @DisplayName("status 429 with Retry-After: the future fails with the SDK's RateLimitException; no chunk")
    void status() throws Exception {
        Seen s = replay("status=429;retry-after=2s");
        assertThat(s.chunks()).isEmpty();
        assertThat(s.error())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(RateLimitException.class)
                .hasMessageContaining("Too many requests");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
        "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
        "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
    })
    @DisplayName("reset, refused, timeout: the SDK's OpenAIIoException over the socket's own exception; no chunk")
    void transport(String kind, Class<?> cause, String message) throws Exception {
        Seen s = replay(kind);
        assertThat(s.chunks()).isEmpty();
        assertThat(s.error())
                .cause()
                .isInstanceOf(OpenAIIoException.class)
                .rootCause()
                .isInstanceOf(cause)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("cut after 2 events: the recording's first 2 chunks, then the handler completes cleanly")
    void cutAfterEvents() throws Exception {
        assertThat(replay("cut-after-events=2"))
                .isEqualTo(new Seen(recorded.chunks().subList(0, 2), null));
    }

    @Test
    @DisplayName("cut after 30 bytes (inside the first event): no chunk, and a clean completion")
    void cutAfterBytes() throws Exception {
        assertThat(replay("cut-after-bytes=30")).isEqualTo(new Seen(List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cut-after-events=2;reset, 2", "cut-after-bytes=30;reset, 0"})
    @DisplayName("a cut with a reset: the chunks before the cut, then OpenAIIoException over the reset")
    void cutWithReset(String declaration, int chunks) throws Exception {
        Seen s = replay(declaration);
        assertThat(s.chunks()).isEqualTo(recorded.chunks().subList(0, chunks));
        assertThat(s.error())
                .isInstanceOf(OpenAIIoException.class)
                .rootCause()
                .hasMessageStartingWith("Connection reset (injected by Replay Harness");
    }

    @Test
    @DisplayName("malformed event 2: at most the first chunk, then the SDK's OpenAIInvalidDataException")
    void malformed() throws Exception {
        Seen s = replay("malformed-event=2");
        // The async stream may fail before handing over the chunk parsed ahead of the bad one.
        assertThat(s.chunks())
                .hasSizeLessThanOrEqualTo(1)
                .isEqualTo(recorded.chunks().subList(0, s.chunks().size()));
        assertThat(s.error()).isInstanceOf(OpenAIInvalidDataException.class);
    }

    @Test
    @DisplayName("stall before event 3: every chunk, after 30 s on the harness's sleeper")
    void stall() throws Exception {
        assertThat(replay("stall=30s;before-event=3")).isEqualTo(recorded);
        assertThat(waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("latency: every chunk, after 1 s before the first and 100 ms before each later event")
    void latency() throws Exception {
        assertThat(replay("latency=1s;between-events=100ms")).isEqualTo(recorded);
        assertThat(waits).first().isEqualTo(Duration.ofSeconds(1));
        assertThat(waits.subList(1, waits.size())).isNotEmpty().containsOnly(Duration.ofMillis(100));
    }
}
