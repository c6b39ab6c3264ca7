package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.LoopbackServer;

/**
 * Every fault kind through LangChain4j's streaming call ({@code execute(request, listener)}), the path its chat
 * models stream through: what the listener sees, its events before a cut and the error it is handed; and the
 * blocking call ({@code execute(request)}) under a status, a cut and a timeout.
 */
@DisplayName("Every fault kind through LangChain4j's streaming HTTP call, and the blocking call's")
class LangChain4jEveryFaultTest {
    static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";

    @TempDir
    Path recordings;

    String url;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("lc4j-faults")
                .mode(mode)
                .sleeper(waits::add)
                .build()
                .session("LangChain4jEveryFaultTest#x");
    }

    HttpRequest post() {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(url)
                .addHeader("Content-Type", "application/json")
                .body("{\"stream\":true}")
                .build();
    }

    @BeforeEach
    void record() {
        try (LoopbackServer upstream = LoopbackServer.eventStream(EVENTS);
                HarnessSession session = session(Mode.RECORD)) {
            url = upstream.url() + "/v1/chat/completions";
            assertThat(HarnessLangChain4j.builder(session)
                            .build()
                            .execute(post())
                            .body())
                    .isEqualTo(EVENTS);
        }
    }

    /** What a listener saw: the events' data, then its error (null when the stream closed). */
    record Seen(List<String> data, Throwable error) {}

    Seen stream(String declaration) throws Exception {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare(declaration, "test");
            List<String> data = new CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> end = new CompletableFuture<>();
            HarnessLangChain4j.builder(session).build().execute(post(), new ServerSentEventListener() {
                @Override
                public void onEvent(ServerSentEvent event) {
                    data.add(event.data());
                }

                @Override
                public void onError(Throwable throwable) {
                    end.complete(throwable);
                }

                @Override
                public void onClose() {
                    end.complete(null);
                }
            });
            return new Seen(data, end.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("status 429: onError gets LangChain4j's HttpException with the status and the envelope; no event")
    void status() throws Exception {
        Seen s = stream("status=429;retry-after=2s");
        assertThat(s.data()).isEmpty();
        assertThat(s.error())
                .isInstanceOfSatisfying(
                        HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(429))
                .hasMessageContaining("Rate limit reached");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
        "refused, java.net.ConnectException, Connection refused (injected by Replay Harness"
    })
    @DisplayName("reset, refused: onError gets the socket's own exception; no event")
    void transport(String kind, Class<?> type, String message) throws Exception {
        Seen s = stream(kind);
        assertThat(s.data()).isEmpty();
        assertThat(s.error()).isInstanceOf(type).hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("timeout: onError gets LangChain4j's TimeoutException over the socket timeout")
    void timeout() throws Exception {
        Seen s = stream("timeout");
        assertThat(s.error())
                .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                .rootCause()
                .isInstanceOf(java.net.SocketTimeoutException.class)
                .hasMessageStartingWith("Read timed out (injected by Replay Harness");
    }

    @Test
    @DisplayName("cut after 2 events: the recording's first 2 events, then onClose")
    void cutAfterEvents() throws Exception {
        assertThat(stream("cut-after-events=2")).isEqualTo(new Seen(List.of("{\"n\":1}", "{\"n\":2}"), null));
    }

    @Test
    @DisplayName("cut after 20 bytes (inside event 2): event 1 only, then onClose; the partial event is dropped")
    void cutAfterBytes() throws Exception {
        assertThat(stream("cut-after-bytes=20")).isEqualTo(new Seen(List.of("{\"n\":1}"), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cut-after-events=2;reset, 2", "cut-after-bytes=20;reset, 1"})
    @DisplayName("a cut with a reset: the whole events before the cut, then onError with the reset")
    void cutWithReset(String declaration, int events) throws Exception {
        Seen s = stream(declaration);
        assertThat(s.data()).hasSize(events).startsWith("{\"n\":1}");
        // A plain IOException, where a real reset on java.net.http may be a SocketException (see the report).
        assertThat(s.error())
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("Connection reset (injected by Replay Harness");
    }

    @Test
    @DisplayName("malformed event 2: the listener gets event 2's data as half an object, which no JSON parser reads")
    void malformed() throws Exception {
        assertThat(stream("malformed-event=2")).isEqualTo(new Seen(List.of("{\"n\":1}", "{\"n", "{\"n\":3}"), null));
    }

    @Test
    @DisplayName("stall before event 3, then latency: every event, after the waits on the harness's sleeper")
    void stallAndLatency() throws Exception {
        Seen all = new Seen(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), null);
        assertThat(stream("stall=30s;before-event=3")).isEqualTo(all);
        assertThat(stream("latency=1s;between-events=100ms")).isEqualTo(all);
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Nested
    @DisplayName("the blocking call, execute(request)")
    class Blocking {
        @Test
        @DisplayName("status 429 on the first call: LangChain4j's HttpException with the status; then the recording")
        void status() {
            try (HarnessSession session = session(Mode.REPLAY)) {
                session.faults().declare("status=429;nth=1", "test");
                HttpClient client = HarnessLangChain4j.builder(session).build();
                assertThatThrownBy(() -> client.execute(post()))
                        .isInstanceOfSatisfying(
                                HttpException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(429))
                        .hasMessageContaining("Rate limit reached");
                assertThat(client.execute(post()).body()).isEqualTo(EVENTS);
            }
        }

        @Test
        @DisplayName("cut after 15 bytes: the body ends mid-event, where the fault cut it")
        void cutBytes() {
            try (HarnessSession session = session(Mode.REPLAY)) {
                session.faults().declare("cut-after-bytes=15", "test");
                assertThat(HarnessLangChain4j.builder(session)
                                .build()
                                .execute(post())
                                .body())
                        .isEqualTo(EVENTS.substring(0, 15));
            }
        }

        @Test
        @DisplayName("timeout: LangChain4j's TimeoutException, as its JDK client reports a timeout")
        void timeout() {
            try (HarnessSession session = session(Mode.REPLAY)) {
                session.faults().declare("timeout", "test");
                assertThatThrownBy(() ->
                                HarnessLangChain4j.builder(session).build().execute(post()))
                        .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                        .rootCause()
                        .hasMessageStartingWith("Read timed out (injected by Replay Harness");
            }
        }
    }
}
