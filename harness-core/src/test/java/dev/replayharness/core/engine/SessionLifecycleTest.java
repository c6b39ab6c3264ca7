package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("A session's end: secrets learned late, discarded tests, bodies never read")
class SessionLifecycleTest {
    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        upstream = new LoopbackUpstream()
                .json("/token", 200, "{\"access_token\":\"opaqueTok3nValue123\"}")
                .json("/me", 200, "{\"me\":\"you\"}")
                .route("/slow", (exchange, body) -> {
                    OutputStream out = LoopbackUpstream.startEventStream(exchange);
                    LoopbackUpstream.sendEvent(out, "{\"n\":1}");
                    release.await(20, TimeUnit.SECONDS);
                    LoopbackUpstream.sendEvent(out, "[DONE]");
                    out.close();
                });
    }

    @AfterEach
    void stop() {
        release.countDown();
        upstream.close();
    }

    private static HttpRequest get(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).build();
    }

    @Test
    @DisplayName(
            "a token first seen in a response, then sent as a credential, is redacted from the earlier recording too")
    void secretLearnedLater() throws Exception {
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("Life#token")) {
            HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            client.send(get(upstream.uri("/token")), HttpResponse.BodyHandlers.ofString());
            client.send(
                    HttpRequest.newBuilder(upstream.uri("/me"))
                            .header("Authorization", "Bearer opaqueTok3nValue123")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        for (Path file : Harnesses.files(recordings)) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("opaqueTok3nValue123");
        }
        assertThat(Harnesses.files(recordings)).hasSize(2);
    }

    @Test
    @DisplayName("discard() also drops a recording whose body is still streaming, and close() does not wait for it")
    void discardInFlight() throws Exception {
        HarnessSession session = Harnesses.builder(recordings, Mode.RECORD)
                .awaitRecordings(Duration.ofMinutes(5))
                .build()
                .session("Life#discard");
        HttpResponse<InputStream> response = JdkHarness.wrap(HttpClient.newHttpClient(), session)
                .send(get(upstream.uri("/slow")), HttpResponse.BodyHandlers.ofInputStream());
        session.discard();
        session.close(); // returns at once: a minute-long wait would fail the test's own timeout below
        release.countDown();
        try (InputStream body = response.body()) {
            body.readAllBytes();
        }
        assertThat(Harnesses.files(recordings)).isEmpty();
    }

    @Test
    @DisplayName(
            "a body never read or closed fails close() by naming the request, instead of silently losing the recording")
    void neverRead() throws Exception {
        HarnessSession session = Harnesses.builder(recordings, Mode.RECORD)
                .awaitRecordings(Duration.ofMillis(200))
                .build()
                .session("Life#unread");
        HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
        client.send(get(upstream.uri("/me")), HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> unread =
                client.send(get(upstream.uri("/slow")), HttpResponse.BodyHandlers.ofInputStream());
        assertThatThrownBy(session::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "Replay Harness: the response body of GET /slow was never read to its end or closed within 0 s")
                .hasMessageContaining("Read or close every response body (try-with-resources)");
        assertThat(Harnesses.files(recordings))
                .as("the finished exchange is still written")
                .hasSize(1);
        release.countDown();
        unread.body().close();
    }
}
