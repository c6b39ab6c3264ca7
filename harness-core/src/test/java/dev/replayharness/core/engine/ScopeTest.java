package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Lookup order: the test's own recording, then a shared one")
class ScopeTest {
    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        AtomicInteger n = new AtomicInteger();
        upstream = new LoopbackUpstream()
                .route(
                        "/v1/x",
                        (exchange, body) ->
                                LoopbackUpstream.sendJson(exchange, 200, "{\"answer\":" + n.incrementAndGet() + "}"));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private String call(Harness harness, String testId) throws Exception {
        try (HarnessSession session = harness.session(testId)) {
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(
                            HttpRequest.newBuilder(upstream.uri("/v1/x"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"q\":1}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    @Test
    @DisplayName("a shared recording answers any test; the test's own recording wins over it")
    void order() throws Exception {
        Harness shared = Harnesses.builder(recordings, Mode.RECORD)
                .scope(RecordingScope.SHARED)
                .build();
        assertThat(call(shared, "A#records")).isEqualTo("{\"answer\":1}");
        assertThat(RecordingsFolder.read(Harnesses.files(recordings).get(0)).testId())
                .as("shared: no test id")
                .isNull();

        Harness replay = Harnesses.of(recordings, Mode.REPLAY);
        assertThat(call(replay, "B#anyOtherTest")).isEqualTo("{\"answer\":1}");

        assertThat(call(Harnesses.of(recordings, Mode.RECORD), "C#ownRecording"))
                .isEqualTo("{\"answer\":2}");
        assertThat(call(replay, "C#ownRecording")).isEqualTo("{\"answer\":2}");
        assertThat(call(replay, "B#anyOtherTest")).isEqualTo("{\"answer\":1}");
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a session without a test id reads and writes only shared recordings")
    void sharedSession() throws Exception {
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).sharedSession()) {
            JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(
                            HttpRequest.newBuilder(upstream.uri("/v1/x"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"q\":1}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.RECORDED);
        }
        assertThat(call(Harnesses.of(recordings, Mode.REPLAY), "Any#test")).isEqualTo("{\"answer\":1}");
    }
}
