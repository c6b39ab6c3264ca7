package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackServer;

@DisplayName("Through LangChain4j's HTTP client, record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String JSON = "{\n  \"id\": \"chatcmpl-9f2c\",\n  \"created\": 1732233600,\n  \"choices\": []\n}";
    static final String EVENT = "data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233601,\"choices\":[]}\n\n";

    @TempDir
    Path recordings;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("langchain4j-parity")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build()
                .session("RecordReplayParityTest#call");
    }

    static LoopbackServer upstream(boolean stream) {
        return LoopbackServer.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (stream ? EVENT + EVENT + "data: [DONE]\n\n" : JSON).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    static HttpRequest post(String base) {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(base + "/v1/chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"q\":1}")
                .build();
    }

    static String call(HarnessSession session, String base) {
        return HarnessLangChain4j.builder(session).build().execute(post(base)).body();
    }

    static String stream(HarnessSession session, String base) throws InterruptedException {
        HttpClient client = HarnessLangChain4j.builder(session).build();
        List<String> data = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        client.execute(post(base), new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
                data.add(event.data());
            }

            @Override
            public void onError(Throwable error) {
                data.add("error: " + error);
                done.countDown();
            }

            @Override
            public void onClose() {
                done.countDown();
            }
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        return String.join("\n", data);
    }

    void assertSame(String recorded, String replayed) {
        assertThat(recorded).contains("\"id\":\"rec-", "\"created\":0").doesNotContain("chatcmpl-");
        assertThat(recorded).isEqualTo(replayed);
    }

    @Test
    @DisplayName("a JSON body (execute)")
    void json() throws Exception {
        String recorded;
        try (LoopbackServer upstream = upstream(false);
                HarnessSession session = session(Mode.RECORD)) {
            recorded = call(session, upstream.url());
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(Mode.REPLAY)) {
            assertSame(recorded, call(session, sentinel.uri("").toString()));
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }

    @Test
    @DisplayName("a stream of events (execute with a listener)")
    void events() throws Exception {
        String recorded;
        try (LoopbackServer upstream = upstream(true);
                HarnessSession session = session(Mode.RECORD)) {
            recorded = stream(session, upstream.url());
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(Mode.REPLAY)) {
            assertSame(recorded, stream(session, sentinel.uri("").toString()));
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
