package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.LoopbackServer;

/** Faults through LangChain4j's HTTP client SPI, on a three-event stream recorded from a loopback server. */
@DisplayName("Faults through LangChain4j's HTTP client")
class LangChain4jFaultTest {
    static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";

    @TempDir
    Path recordings;

    String url;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("lc4j-faults")
                .mode(mode)
                .build()
                .session("LangChain4jFaultTest#x");
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
        try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write(EVENTS.getBytes(StandardCharsets.UTF_8));
                });
                HarnessSession session = session(Mode.RECORD)) {
            url = upstream.url() + "/v1/chat/completions";
            assertThat(HarnessLangChain4j.builder(session)
                            .build()
                            .execute(post())
                            .body())
                    .isEqualTo(EVENTS);
        }
    }

    @Test
    @DisplayName("status 429 on the first call: LangChain4j's HttpException with the status; then the recording")
    void status() {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("status=429;nth=1", "test");
            HttpClient client = HarnessLangChain4j.builder(session).build();
            assertThatThrownBy(() -> client.execute(post()))
                    .isInstanceOfSatisfying(
                            HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(429))
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
            assertThatThrownBy(() -> HarnessLangChain4j.builder(session).build().execute(post()))
                    .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                    .rootCause()
                    .hasMessageStartingWith("Read timed out (injected by Replay Harness");
        }
    }

    @Test
    @DisplayName("streaming, reset: the listener's onError gets the injected reset, on another thread")
    void streamingReset() throws Exception {
        try (HarnessSession session = session(Mode.REPLAY)) {
            session.faults().declare("reset", "test");
            java.util.concurrent.CompletableFuture<Throwable> error = new java.util.concurrent.CompletableFuture<>();
            HarnessLangChain4j.builder(session)
                    .build()
                    .execute(post(), new dev.langchain4j.http.client.sse.ServerSentEventListener() {
                        @Override
                        public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event) {}

                        @Override
                        public void onError(Throwable throwable) {
                            error.complete(throwable);
                        }
                    });
            assertThat(error.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(java.net.SocketException.class)
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }
    }
}
