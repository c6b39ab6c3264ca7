package dev.replayharness.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackServer;

@DisplayName("Through OkHttp, record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String ANSWER = "{\n  \"id\": \"chatcmpl-9f2c\",\n  \"created\": 1732233600,\n  \"choices\": []\n}";

    @TempDir
    Path recordings;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(Sessions.NAMESPACE)
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build()
                .session(Sessions.TEST_ID);
    }

    static String call(HarnessSession session, String url) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create("{\"q\":1}", MediaType.get("application/json")))
                .build();
        try (Response response = HarnessOkHttp.client(session).newCall(request).execute()) {
            return new String(response.body().bytes(), StandardCharsets.UTF_8); // bytes() checks the declared length
        }
    }

    @Test
    @DisplayName("a JSON body's ids and created are normalized in record mode as in replay (bytes(), with no"
            + " Content-Length mismatch)")
    void json() throws IOException {
        String recorded;
        try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                });
                HarnessSession session = session(Mode.RECORD)) {
            recorded = call(session, upstream.url() + "/v1/chat/completions");
        }
        String replayed;
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(Mode.REPLAY)) {
            replayed = call(session, sentinel.uri("/v1/chat/completions").toString());
            assertThat(sentinel.acceptedConnections()).isZero();
        }
        assertThat(recorded).contains("\"id\":\"rec-", "\"created\":0").doesNotContain("chatcmpl-");
        assertThat(recorded).isEqualTo(replayed);
    }
}
