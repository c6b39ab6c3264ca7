package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.endTest;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.replayharness.core.Mode;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.ConnectionCountingServer;

@DisplayName("Through the proxy, record and replay hand the client the same response")
class RecordReplayParityTest {
    private static final String TEST_ID = "com.example.ParityTest#asks";

    @TempDir
    Path recordings;

    private final TestUpstream upstream = new TestUpstream();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private HttpResponse<String> through(Mode mode, java.net.URI target, boolean stream) throws Exception {
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, mode)
                                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                                .build(),
                        target)
                .build()
                .start()) {
            HttpResponse<String> response =
                    send(chat(proxy.baseUri(), TEST_ID, "Hi", stream).build());
            endTest(proxy, TEST_ID);
            return response;
        }
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("with --normalize, a recording client gets rec- ids as a replaying one does, byte for byte")
    void sameBody(boolean stream) throws Exception {
        HttpResponse<String> recorded = through(Mode.RECORD, upstream.baseUri(), stream);
        HttpResponse<String> replayed;
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
            replayed = through(Mode.REPLAY, sentinel.uri("/"), stream);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(recorded.body()).contains("\"id\":\"rec-").doesNotContain("chatcmpl-1");
        assertThat(recorded.body()).isEqualTo(replayed.body());
        assertThat(recorded.headers().firstValue("content-length"))
                .as("upstream's length does not hold for the rewritten body: none is sent")
                .isEmpty();
    }
}
