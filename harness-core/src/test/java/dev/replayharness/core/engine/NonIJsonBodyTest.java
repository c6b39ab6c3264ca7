package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("A JSON request body that is not I-JSON is recorded as its bytes, and replays")
class NonIJsonBodyTest {
    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new LoopbackUpstream().json(CHAT, 200, "{\"ok\":true}");
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private String send(Harness harness, String body) throws Exception {
        try (HarnessSession session = harness.session("NonIJson#body")) {
            HttpRequest request = HttpRequest.newBuilder(upstream.uri(CHAT))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"a\":\"\\ud800\",\"b\":1}", "{\"a\":1e400,\"b\":1}"})
    void recordsAndReplays(String body) throws Exception {
        assertThat(send(Harnesses.of(recordings, Mode.RECORD), body)).isEqualTo("{\"ok\":true}");
        Path file = Harnesses.files(recordings).get(0);
        assertThat(Files.readString(file)).contains("\"base64\"");
        assertThat(send(Harnesses.of(recordings, Mode.REPLAY), body)).isEqualTo("{\"ok\":true}");
        assertThat(upstream.requestCount()).as("the replay made no call").isEqualTo(1);
    }
}
