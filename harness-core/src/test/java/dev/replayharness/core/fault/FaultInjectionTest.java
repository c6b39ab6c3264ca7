package dev.replayharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

import tools.jackson.core.JacksonException;

@DisplayName("Faults injected into replay, one test per kind through java.net.http, Apache classic and Apache async")
class FaultInjectionTest {
    static final String TEST = "FaultInjectionTest#x";
    static final String STREAM = "/v1/chat/completions";
    static final String QUESTION = "{\"model\":\"m\",\"stream\":true}";
    static final List<String> EVENTS = List.of("data: {\"n\":1}\n\n", "data: {\"n\":2}\n\n", "data: {\"n\":3}\n\n");

    @TempDir
    static Path recordings;

    static LoopbackUpstream upstream;

    @BeforeAll
    static void record() throws Exception {
        upstream = new LoopbackUpstream().route(STREAM, (exchange, body) -> {
            try (OutputStream out = LoopbackUpstream.startEventStream(exchange)) {
                for (int n = 1; n <= 3; n++) {
                    LoopbackUpstream.sendEvent(out, "{\"n\":" + n + "}");
                }
            }
        });
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session(TEST)) {
            assertThat(CoreAdapters.JAVA_NET_HTTP.post(session, uri(), QUESTION).body())
                    .isEqualTo(String.join("", EVENTS));
        }
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    static URI uri() {
        return upstream.uri(STREAM);
    }

    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    HarnessSession replay() {
        Harness harness =
                Harnesses.builder(recordings, Mode.REPLAY).sleeper(waits::add).build();
        return harness.session(TEST);
    }

    @Nested
    @DisplayName("a status fault")
    class Status {
        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("answers the n-th matching exchange with the status, Retry-After and an OpenAI-style envelope;"
                + " the next identical request replays the recording's first occurrence")
        void answersThenReplays(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults()
                        .on(ExchangeMatcher.post(STREAM).nth(1))
                        .status(429)
                        .retryAfter(Duration.ofSeconds(2));
                CoreAdapters.Reply first = adapter.post(session, uri(), QUESTION);
                CoreAdapters.Reply second = adapter.post(session, uri(), QUESTION);

                assertThat(first.status()).isEqualTo(429);
                assertThat(first.retryAfter()).isEqualTo("2");
                assertThat(Json.MAPPER.readTree(first.body()).at("/error/code").asString())
                        .isEqualTo("rate_limit_exceeded");
                assertThat(second.status()).isEqualTo(200);
                assertThat(second.body()).isEqualTo(String.join("", EVENTS));
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.INJECTED, RecordingUse.Outcome.REPLAYED);
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("a burst (nth=1-3) fails three exchanges; a request to another path is not matched")
        void burst(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                FaultDeclaration burst = session.faults()
                        .on(ExchangeMatcher.post(STREAM).nth(1, 3))
                        .status(503)
                        .declaration();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    statuses.add(adapter.post(session, uri(), QUESTION).status());
                }
                assertThat(statuses).containsExactly(503, 503, 503, 200);
                assertThat(burst.fired()).isEqualTo(3);
                assertThat(burst.matched()).isEqualTo(4);
            }
        }
    }

    @Nested
    @DisplayName("a transport fault fails before any response, as the client's socket would")
    class Transport {
        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("reset: a connection reset")
        void reset(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).reset();
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.status()).isZero();
                assertThat(reply.failureMessages()).contains("java.net.SocketException: Connection reset (injected");
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("refused: a refused connection")
        void refused(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).refused();
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.status()).isZero();
                assertThat(reply.failureMessages()).contains("java.net.ConnectException: Connection refused (injected");
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("timeout: a timeout after the declared wait, on the harness's sleeper"
                + " (java.net.http's own HttpTimeoutException there)")
        void timeout(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).timeout(Duration.ofSeconds(30));
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.status()).isZero();
                assertThat(reply.failureMessages()).contains("Read timed out (injected");
                if (adapter == CoreAdapters.JAVA_NET_HTTP) {
                    assertThat(reply.failure()).isInstanceOf(java.net.http.HttpTimeoutException.class);
                } else {
                    assertThat(reply.failureMessages()).contains("java.net.SocketTimeoutException");
                }
                assertThat(waits).containsExactly(Duration.ofSeconds(30));
            }
        }
    }

    @Nested
    @DisplayName("a stream fault shapes the recorded response")
    class Stream {
        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("cut after 2 events: the recording's first 2, then a clean end")
        void cut(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).cutAfterEvents(2);
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.failure()).isNull();
                assertThat(reply.body()).isEqualTo(EVENTS.get(0) + EVENTS.get(1));
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("cut after 2 events with a reset: the first 2, then the read fails as a reset")
        void cutWithReset(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).cutAfterEvents(2).withReset();
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.failureMessages()).contains("Connection reset (injected");
                if (adapter != CoreAdapters.APACHE_ASYNC) { // a SimpleHttpResponse keeps nothing of a failed body
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body()).isEqualTo(EVENTS.get(0) + EVENTS.get(1));
                }
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("cut after 20 bytes: a body of exactly those bytes, mid-event")
        void cutBytes(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).cutAfterBytes(20);
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.body()).isEqualTo(String.join("", EVENTS).substring(0, 20));
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("stall 30s before event 2: the whole body, after a 30-second wait on the harness's sleeper")
        void stall(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).stall(Duration.ofSeconds(30), 2);
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.body()).isEqualTo(String.join("", EVENTS));
                assertThat(waits).containsExactly(Duration.ofSeconds(30));
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("malformed event 2: its data is no longer JSON; the others are untouched")
        void malformed(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).malformedEvent(2);
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                String[] events = reply.body().split("\n\n");
                assertThat(events).hasSize(3);
                assertThat(events[0] + "\n\n").isEqualTo(EVENTS.get(0));
                assertThat(events[2] + "\n\n").isEqualTo(EVENTS.get(2));
                assertThat(events[1]).startsWith("data: ");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.MAPPER.readTree(events[1].substring(6)))
                        .isInstanceOf(JacksonException.class);
            }
        }

        @ParameterizedTest
        @EnumSource(CoreAdapters.class)
        @DisplayName("latency: 5s before the response, then 1s before each later event, on the harness's sleeper")
        void latency(CoreAdapters adapter) throws Exception {
            try (HarnessSession session = replay()) {
                session.faults().on(ExchangeMatcher.any()).latency(Duration.ofSeconds(5), Duration.ofSeconds(1));
                CoreAdapters.Reply reply = adapter.post(session, uri(), QUESTION);
                assertThat(reply.body()).isEqualTo(String.join("", EVENTS));
                assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1));
            }
        }
    }
}
