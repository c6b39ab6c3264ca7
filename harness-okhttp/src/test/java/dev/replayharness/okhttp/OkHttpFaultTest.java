package dev.replayharness.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.fault.ExchangeMatcher;
import dev.replayharness.core.testing.LoopbackServer;

/** Faults through the OkHttp interceptor, on a three-event stream recorded from a loopback server. */
@DisplayName("Faults through OkHttp")
class OkHttpFaultTest {
    static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";

    @TempDir
    Path recordings;

    String url;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    Request post() {
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create("{\"stream\":true}", MediaType.get("application/json")))
                .build();
    }

    @BeforeEach
    void record() throws IOException {
        try (LoopbackServer upstream = LoopbackServer.eventStream(EVENTS);
                HarnessSession session = Sessions.open(recordings, Mode.RECORD)) {
            url = upstream.url() + "/v1/chat/completions";
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                assertThat(response.body().string()).isEqualTo(EVENTS);
            }
        }
    }

    HarnessSession replay() {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(Sessions.NAMESPACE)
                .mode(Mode.REPLAY)
                .sleeper(waits::add)
                .build()
                .session(Sessions.TEST_ID);
    }

    @Test
    @DisplayName("status 429: the injected status and Retry-After; the next call replays the recording")
    void status() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("status=429;retry-after=2s;nth=1", "test");
            try (Response first = HarnessOkHttp.client(session).newCall(post()).execute();
                    Response second =
                            HarnessOkHttp.client(session).newCall(post()).execute()) {
                assertThat(first.code()).isEqualTo(429);
                assertThat(first.header("Retry-After")).isEqualTo("2");
                assertThat(second.body().string()).isEqualTo(EVENTS);
            }
        }
    }

    @Test
    @DisplayName("reset: the call fails before any response")
    void reset() {
        try (HarnessSession session = replay()) {
            session.faults().on(ExchangeMatcher.any()).reset();
            assertThatThrownBy(
                            () -> HarnessOkHttp.client(session).newCall(post()).execute())
                    .isInstanceOf(java.net.SocketException.class)
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }
    }

    @Test
    @DisplayName("cut after 2 events with a reset: the first 2 events, then the read fails")
    void cutWithReset() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("cut-after-events=2;reset", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                okio.BufferedSource body = response.body().source();
                assertThat(body.readUtf8Line()).isEqualTo("data: {\"n\":1}");
                body.readUtf8Line();
                assertThat(body.readUtf8Line()).isEqualTo("data: {\"n\":2}");
                body.readUtf8Line();
                assertThatThrownBy(body::readUtf8Line).hasMessageContaining("Connection reset (injected");
            }
        }
    }

    @Test
    @DisplayName("stall and latency: the whole body, after the waits on the harness's sleeper")
    void stallAndLatency() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("stall=30s;before-event=3", "test");
            session.faults().declare("latency=1s", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                assertThat(response.body().string()).isEqualTo(EVENTS);
            }
            assertThat(waits).containsExactlyInAnyOrder(Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
        "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
    })
    @DisplayName("refused and timeout: the call fails before any response, with the socket's own exception")
    void transport(String kind, Class<?> type, String message) {
        try (HarnessSession session = replay()) {
            session.faults().declare(kind, "test");
            assertThatThrownBy(
                            () -> HarnessOkHttp.client(session).newCall(post()).execute())
                    .isInstanceOf(type)
                    .hasMessageStartingWith(message);
        }
    }

    @Test
    @DisplayName("cut after 2 events: the body is the recording's first 2 events and ends cleanly")
    void cutAfterEvents() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("cut-after-events=2", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                assertThat(response.body().string()).isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
            }
        }
    }

    @Test
    @DisplayName("cut after 20 bytes: the body ends cleanly in the middle of the second event")
    void cutAfterBytes() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("cut-after-bytes=20", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                assertThat(response.body().string()).isEqualTo(EVENTS.substring(0, 20));
            }
        }
    }

    @Test
    @DisplayName("cut after 20 bytes with a reset: those 20 bytes, then the read fails with the reset")
    void cutAfterBytesWithReset() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("cut-after-bytes=20;reset", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                okio.BufferedSource body = response.body().source();
                assertThat(body.readUtf8(20)).isEqualTo(EVENTS.substring(0, 20));
                assertThatThrownBy(body::readUtf8).hasMessageContaining("Connection reset (injected");
            }
        }
    }

    @Test
    @DisplayName("malformed event 2: events 1 and 3 as recorded, event 2's data cut to half an object")
    void malformedEvent() throws IOException {
        try (HarnessSession session = replay()) {
            session.faults().declare("malformed-event=2", "test");
            try (Response response =
                    HarnessOkHttp.client(session).newCall(post()).execute()) {
                String[] events = response.body().string().split("(?<=\n\n)");
                assertThat(events).hasSize(3);
                assertThat(events[0]).isEqualTo("data: {\"n\":1}\n\n");
                assertThat(events[2]).isEqualTo("data: {\"n\":3}\n\n");
                assertThat(events[1]).isEqualTo("data: {\"n\n\n"); // half the object: never JSON
            }
        }
    }
}
