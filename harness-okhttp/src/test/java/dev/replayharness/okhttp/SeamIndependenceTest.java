package dev.replayharness.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackServer;

@DisplayName("A recording made at one seam replays at another for the same request")
class SeamIndependenceTest {
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String BODY =
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Which planet do humans live on?\"}]}";
    private static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"Earth\"}}]}";

    @TempDir
    Path recordings;

    private static LoopbackServer upstream() {
        return LoopbackServer.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    private static String viaOkHttp(HarnessSession session, String base) throws IOException {
        Request request = new Request.Builder()
                .url(base + "/v1/chat/completions")
                .post(RequestBody.create(BODY, MediaType.get(CONTENT_TYPE)))
                .build();
        try (Response response = HarnessOkHttp.client(session).newCall(request).execute()) {
            return response.body().string();
        }
    }

    private static String viaJdk(HarnessSession session, String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    @DisplayName("recorded through the OkHttp interceptor, replayed through the java.net.http adapter, no connection")
    void okHttpToJdk() throws Exception {
        try (LoopbackServer upstream = upstream();
                HarnessSession session = Sessions.open(recordings, Mode.RECORD)) {
            assertThat(viaOkHttp(session, upstream.url())).isEqualTo(ANSWER);
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
            assertThat(viaJdk(session, sentinel.uri("").toString())).isEqualTo(ANSWER);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }

    @Test
    @DisplayName("recorded through the java.net.http adapter, replayed through the OkHttp interceptor, no connection")
    void jdkToOkHttp() throws Exception {
        try (LoopbackServer upstream = upstream();
                HarnessSession session = Sessions.open(recordings, Mode.RECORD)) {
            assertThat(viaJdk(session, upstream.url())).isEqualTo(ANSWER);
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
            assertThat(viaOkHttp(session, sentinel.uri("").toString())).isEqualTo(ANSWER);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
