package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.LoopbackServer;

/** Faults through Spring's RestClient and WebClient, on a three-event stream recorded from a loopback server. */
@DisplayName("Faults through Spring's RestClient and WebClient")
class SpringFaultTest {
    static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";
    static final String TEST = "SpringFaultTest#x";

    @TempDir
    Path recordings;

    String url;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("spring-faults")
                .mode(mode)
                .sleeper(d -> {})
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
        try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (String event : EVENTS.split("(?<=\n\n)")) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                });
                HarnessSession session = session(Mode.RECORD)) {
            url = upstream.url() + "/v1/chat/completions";
            assertThat(post(HarnessRestClient.wire(RestClient.builder(), session)
                            .build()))
                    .isEqualTo("200 " + EVENTS);
        }
    }

    @Test
    @DisplayName("RestClient, status 503 on the first exchange: the status, then the recording")
    void restClientStatus() {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("status=503;nth=1", "test");
            RestClient client =
                    HarnessRestClient.wire(RestClient.builder(), session).build();
            assertThat(post(client)).startsWith("503 {\"error\":{\"message\":\"The server is overloaded");
            assertThat(post(client)).isEqualTo("200 " + EVENTS);
        }
    }

    @Test
    @DisplayName("RestClient, reset: Spring's ResourceAccessException over the injected reset")
    void restClientReset() {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("reset", "test");
            assertThatThrownBy(() -> post(HarnessRestClient.wire(RestClient.builder(), session)
                            .build()))
                    .isInstanceOf(ResourceAccessException.class)
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }
    }

    @Test
    @DisplayName("WebClient, cut after 2 events: the recording's first 2")
    void webClientCut() {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("cut-after-events=2", "test");
            assertThat(post(HarnessWebClient.wire(WebClient.builder(), session).build()))
                    .isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
        }
    }

    @Test
    @DisplayName("WebClient, refused: the exchange fails with the injected refusal")
    void webClientRefused() {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("refused", "test");
            assertThatThrownBy(() -> post(
                            HarnessWebClient.wire(WebClient.builder(), session).build()))
                    .rootCause()
                    .hasMessageStartingWith("Connection refused (injected by Replay Harness");
        }
    }
}
