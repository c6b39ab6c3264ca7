package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.LoopbackServer;

/**
 * Every fault kind through RestClient and WebClient, each asserting what that client's caller sees (its exception
 * type over the injected socket exception, the bytes before a cut), on the three-event stream
 * recorded from a loopback server.
 */
@DisplayName("Every fault kind through Spring's RestClient and WebClient")
class SpringEveryFaultTest {
    static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";
    static final String TEST = "SpringEveryFaultTest#x";

    @TempDir
    Path recordings;

    String url;

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("spring-faults")
                .mode(mode)
                .sleeper(waits::add)
                .build()
                .session(TEST);
    }

    String post(RestClient client) {
        return client.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stream\":true}")
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    String post(WebClient client) {
        return DataBufferUtils.join(client.post()
                        .uri(url)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"stream\":true}")
                        .retrieve()
                        .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class))
                .map(b -> b.toString(StandardCharsets.UTF_8))
                .block(Duration.ofSeconds(30));
    }

    @BeforeEach
    void record() {
        try (LoopbackServer upstream = LoopbackServer.eventStream(EVENTS);
                HarnessSession session = session(Mode.RECORD)) {
            url = upstream.url() + "/v1/chat/completions";
            assertThat(post(HarnessRestClient.wire(RestClient.builder(), session)
                            .build()))
                    .isEqualTo("200 " + EVENTS);
        }
    }

    static final String FIRST_TWO = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\n";
    static final String MALFORMED_SECOND = "data: {\"n\":1}\n\ndata: {\"n\n\ndata: {\"n\":3}\n\n";

    HarnessSession replay(String declaration) {
        HarnessSession session = session(Mode.REPLAY);
        session.faults().declare(declaration, "test");
        return session;
    }

    String rest(String declaration) {
        try (HarnessSession session = replay(declaration)) {
            return post(HarnessRestClient.wire(RestClient.builder(), session).build());
        }
    }

    String web(String declaration) {
        try (HarnessSession session = replay(declaration)) {
            return post(HarnessWebClient.wire(WebClient.builder(), session).build());
        }
    }

    @Nested
    @DisplayName("RestClient")
    class Rest {
        @Test
        @DisplayName("status 429 with Retry-After: the status and OpenAI-style envelope reach the exchange function")
        void status() {
            assertThat(rest("status=429;retry-after=2s")).startsWith("429 {\"error\":{\"message\":\"Rate limit");
        }

        @Test
        @DisplayName("status 503 on the first exchange only (nth=1): the status, then the recording")
        void statusOnFirstExchangeOnly() {
            try (HarnessSession session = replay("status=503;nth=1")) {
                RestClient client =
                        HarnessRestClient.wire(RestClient.builder(), session).build();
                assertThat(post(client)).startsWith("503 {\"error\":{\"message\":\"The server is overloaded");
                assertThat(post(client)).isEqualTo("200 " + EVENTS);
            }
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
            "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
            "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
        })
        @DisplayName("reset, refused, timeout: ResourceAccessException over the socket's own exception")
        void transport(String kind, Class<?> cause, String message) {
            assertThatThrownBy(() -> rest(kind))
                    .isInstanceOf(ResourceAccessException.class)
                    .rootCause()
                    .isInstanceOf(cause)
                    .hasMessageStartingWith(message);
        }

        @Test
        @DisplayName("cut after 2 events: the recording's first 2, ending cleanly")
        void cutAfterEvents() {
            assertThat(rest("cut-after-events=2")).isEqualTo("200 " + FIRST_TWO);
        }

        @Test
        @DisplayName("cut after 20 bytes: the body's first 20 bytes, mid-event")
        void cutAfterBytes() {
            assertThat(rest("cut-after-bytes=20")).isEqualTo("200 " + EVENTS.substring(0, 20));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"cut-after-events=2;reset", "cut-after-bytes=20;reset"})
        @DisplayName("a cut with a reset: reading the body fails with ResourceAccessException over the reset")
        void cutWithReset(String declaration) {
            assertThatThrownBy(() -> rest(declaration))
                    .isInstanceOf(ResourceAccessException.class)
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }

        @Test
        @DisplayName("malformed event 2: events 1 and 3 as recorded, event 2's data half an object")
        void malformed() {
            assertThat(rest("malformed-event=2")).isEqualTo("200 " + MALFORMED_SECOND);
        }

        @Test
        @DisplayName("stall before event 3 and latency: the whole body, after the waits on the harness's sleeper")
        void stallAndLatency() {
            assertThat(rest("stall=30s;before-event=3")).isEqualTo("200 " + EVENTS);
            assertThat(rest("latency=1s;between-events=100ms")).isEqualTo("200 " + EVENTS);
            assertThat(waits)
                    .containsExactly(
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(1),
                            Duration.ofMillis(100),
                            Duration.ofMillis(100));
        }
    }

    @Nested
    @DisplayName("WebClient")
    class Web {
        @Test
        @DisplayName("status 429 with Retry-After: retrieve() raises WebClientResponseException.TooManyRequests")
        void status() {
            assertThatThrownBy(() -> web("status=429;retry-after=2s"))
                    .isInstanceOfSatisfying(
                            WebClientResponseException.TooManyRequests.class,
                            e -> assertThat(e.getHeaders().getFirst("Retry-After"))
                                    .isEqualTo("2"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
            "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
            "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
        })
        @DisplayName("reset, refused, timeout: WebClientRequestException over the socket's own exception")
        void transport(String kind, Class<?> cause, String message) {
            assertThatThrownBy(() -> web(kind))
                    .isInstanceOf(WebClientRequestException.class)
                    .rootCause()
                    .isInstanceOf(cause)
                    .hasMessageStartingWith(message);
        }

        @Test
        @DisplayName("cut after 2 events: the recording's first 2, ending cleanly")
        void cutAfterEvents() {
            assertThat(web("cut-after-events=2")).isEqualTo(FIRST_TWO);
        }

        @Test
        @DisplayName("cut after 20 bytes: the body's first 20 bytes, mid-event")
        void cutAfterBytes() {
            assertThat(web("cut-after-bytes=20")).isEqualTo(EVENTS.substring(0, 20));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"cut-after-events=2;reset", "cut-after-bytes=20;reset"})
        @DisplayName("a cut with a reset: the 200 response fails mid-body, WebClientResponseException over the reset")
        void cutWithReset(String declaration) {
            assertThatThrownBy(() -> web(declaration))
                    .isInstanceOf(WebClientResponseException.class)
                    .hasMessageContaining("200 OK")
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }

        @Test
        @DisplayName("malformed event 2: events 1 and 3 as recorded, event 2's data half an object")
        void malformed() {
            assertThat(web("malformed-event=2")).isEqualTo(MALFORMED_SECOND);
        }

        @Test
        @DisplayName("stall before event 3 and latency: the whole body, after the waits on the harness's sleeper")
        void stallAndLatency() {
            assertThat(web("stall=30s;before-event=3")).isEqualTo(EVENTS);
            assertThat(web("latency=1s;between-events=100ms")).isEqualTo(EVENTS);
            assertThat(waits)
                    .containsExactly(
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(1),
                            Duration.ofMillis(100),
                            Duration.ofMillis(100));
        }
    }
}
