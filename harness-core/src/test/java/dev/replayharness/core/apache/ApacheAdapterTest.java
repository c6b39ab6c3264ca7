package dev.replayharness.core.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;
import dev.replayharness.core.testing.PausingStream;

@DisplayName("The Apache HttpClient 5 adapters")
class ApacheAdapterTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String QUESTION = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"Hello\"}}]}";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream().json(CHAT, 200, ANSWER);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    String classic(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x");
                CloseableHttpClient client =
                        ApacheHarness.wire(HttpClients.custom(), session).build()) {
            HttpPost post = new HttpPost(uri);
            post.setEntity(new StringEntity(QUESTION, ContentType.APPLICATION_JSON));
            return client.execute(post, response -> EntityUtils.toString(response.getEntity()));
        }
    }

    String async(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x");
                CloseableHttpAsyncClient client =
                        ApacheHarness.wire(HttpAsyncClients.custom(), session).build()) {
            client.start();
            SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                    .setBody(QUESTION, ContentType.APPLICATION_JSON)
                    .build();
            SimpleHttpResponse response = client.execute(request, null).get(10, TimeUnit.SECONDS);
            return response.getBodyText();
        }
    }

    String jdk(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x")) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                    .build();
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    interface Adapter {
        String call(Harness harness, URI uri) throws Exception;
    }

    void recordWithThenReplayWith(Adapter recorder, Adapter replayer) throws Exception {
        assertThat(recorder.call(Harnesses.of(recordings, Mode.RECORD), upstream.uri(CHAT)))
                .isEqualTo(ANSWER);
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
            assertThat(replayer.call(Harnesses.of(recordings, Mode.REPLAY), sentinel.uri(CHAT)))
                    .isEqualTo(ANSWER);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
        assertThat(upstream.requestCount()).isEqualTo(1);
    }

    @Nested
    @DisplayName("a recording made through one adapter replays through any other, with no connection made")
    class CrossAdapter {
        @Test
        void classicToClassic() throws Exception {
            recordWithThenReplayWith(ApacheAdapterTest.this::classic, ApacheAdapterTest.this::classic);
        }

        @Test
        void asyncToAsync() throws Exception {
            recordWithThenReplayWith(ApacheAdapterTest.this::async, ApacheAdapterTest.this::async);
        }

        @Test
        void classicToJdk() throws Exception {
            recordWithThenReplayWith(ApacheAdapterTest.this::classic, ApacheAdapterTest.this::jdk);
        }

        @Test
        void jdkToAsync() throws Exception {
            recordWithThenReplayWith(ApacheAdapterTest.this::jdk, ApacheAdapterTest.this::async);
        }

        @Test
        void asyncToClassic() throws Exception {
            recordWithThenReplayWith(ApacheAdapterTest.this::async, ApacheAdapterTest.this::classic);
        }
    }

    @Test
    @DisplayName(
            "classic record: upstream gets the request body from any entity: string, stream, or a template that can write once")
    void recordSendsTheBodyOnce() throws Exception {
        Harness harness = Harnesses.of(recordings, Mode.RECORD);
        ByteArrayInputStream once = new ByteArrayInputStream(QUESTION.getBytes(StandardCharsets.UTF_8));
        List<HttpEntity> entities = List.of(
                new StringEntity(QUESTION, ContentType.APPLICATION_JSON),
                new InputStreamEntity(
                        new ByteArrayInputStream(QUESTION.getBytes(StandardCharsets.UTF_8)),
                        -1,
                        ContentType.APPLICATION_JSON),
                new EntityTemplate(
                        -1, ContentType.APPLICATION_JSON, null, once::transferTo)); // "repeatable", but writes once
        for (HttpEntity entity : entities) {
            try (HarnessSession session =
                            harness.session("T#" + entity.getClass().getSimpleName());
                    CloseableHttpClient client =
                            ApacheHarness.wire(HttpClients.custom(), session).build()) {
                HttpPost post = new HttpPost(upstream.uri(CHAT));
                post.setEntity(entity);
                String answer = client.execute(post, response -> EntityUtils.toString(response.getEntity()));
                assertThat(answer).isEqualTo(ANSWER);
            }
        }
        assertThat(upstream.received())
                .extracting(LoopbackUpstream.Received::body)
                .containsExactly(QUESTION, QUESTION, QUESTION);
    }

    @Nested
    @DisplayName("replay fails closed")
    class FailClosed {
        @Test
        @DisplayName("classic: a miss is a ReplayMissError and no connection is made")
        void classicMiss() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
                assertThatThrownBy(() -> classic(Harnesses.of(recordings, Mode.REPLAY), sentinel.uri(CHAT)))
                        .isInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("no recording for this request");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("async: a miss is a ReplayMissError and no connection is made")
        void asyncMiss() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
                assertThatThrownBy(() -> async(Harnesses.of(recordings, Mode.REPLAY), sentinel.uri(CHAT)))
                        .satisfies(
                                e -> assertThat(e instanceof ReplayMissError || e.getCause() instanceof ReplayMissError)
                                        .as("a ReplayMissError, directly or as the future's cause: %s", e)
                                        .isTrue());
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("classic streaming")
    class Streaming {
        @Test
        @DisplayName("record tees: the caller sees chunk 1 before upstream sends chunk 2; replay gives the same lines")
        void tee() throws Exception {
            PausingStream pausing = PausingStream.serve(upstream, CHAT, "{\"n\":1}", List.of("[DONE]"));
            List<String> recorded = lines(Harnesses.of(recordings, Mode.RECORD), pausing::callerSawFirst);
            assertThat(pausing.waitedInVain())
                    .as("upstream had to send chunk 2 before the caller saw chunk 1")
                    .isFalse();
            assertThat(recorded).containsExactly("data: {\"n\":1}", "", "data: [DONE]", "");
            assertThat(RecordingsFolder.read(Harnesses.files(recordings).get(0))
                            .response()
                            .body())
                    .isInstanceOf(Body.EventStream.class);
            assertThat(lines(Harnesses.of(recordings, Mode.REPLAY), () -> {})).isEqualTo(recorded);
        }

        private List<String> lines(Harness harness, Runnable sawFirst) throws Exception {
            List<String> lines = new ArrayList<>();
            try (HarnessSession session = harness.session("T#s");
                    CloseableHttpClient client =
                            ApacheHarness.wire(HttpClients.custom(), session).build()) {
                HttpPost post = new HttpPost(upstream.uri(CHAT));
                post.setEntity(new StringEntity(QUESTION, ContentType.APPLICATION_JSON));
                client.execute(post, response -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.add(line);
                            sawFirst.run();
                        }
                    }
                    return null;
                });
            }
            return lines;
        }

        @Test
        @DisplayName("async: an event stream is recorded as events and replayed with the same bytes")
        void asyncStream() throws Exception {
            String wire = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n";
            upstream.route(CHAT, (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                out.write(wire.getBytes(StandardCharsets.UTF_8));
                out.close();
            });
            assertThat(async(Harnesses.of(recordings, Mode.RECORD), upstream.uri(CHAT)))
                    .isEqualTo(wire);
            Body.EventStream events = (Body.EventStream)
                    RecordingsFolder.read(Harnesses.files(recordings).get(0))
                            .response()
                            .body();
            assertThat(events.events()).hasSize(3);
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
                assertThat(async(Harnesses.of(recordings, Mode.REPLAY), sentinel.uri(CHAT)))
                        .isEqualTo(wire);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("closing the response unread still records the whole body")
        void closedUnread() throws Exception {
            try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#u");
                    CloseableHttpClient client =
                            ApacheHarness.wire(HttpClients.custom(), session).build()) {
                HttpPost post = new HttpPost(upstream.uri(CHAT));
                post.setEntity(new StringEntity(QUESTION, ContentType.APPLICATION_JSON));
                client.execute(post, response -> response.getCode());
            }
            assertThat(RecordingsFolder.read(Harnesses.files(recordings).get(0))
                            .response()
                            .body())
                    .isEqualTo(new Body.Json(
                            dev.replayharness.core.json.Json.tryParse(ANSWER.getBytes(StandardCharsets.UTF_8))
                                    .orElseThrow()));
        }
    }
}
