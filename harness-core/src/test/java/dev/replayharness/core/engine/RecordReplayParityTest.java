package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.GatedSseServer;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String CHAT = "/v1/chat/completions";
    static final String STREAM = "/v1/stream";
    static final String CUT_STREAM = "/v1/cut-stream";
    static final String QUESTION = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    /** As an upstream sends it: a volatile id and timestamp, and whitespace replay does not keep. */
    static final String ANSWER = "{\n  \"id\": \"chatcmpl-9f2c\",\n  \"object\": \"chat.completion\",\n"
            + "  \"created\": 1732233600,\n  \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\","
            + " \"content\": \"Hello\"}}]\n}";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new LoopbackUpstream().json(CHAT, 200, ANSWER).route(STREAM, (exchange, body) -> {
            try (OutputStream out = LoopbackUpstream.startEventStream(exchange)) {
                for (String word : List.of("Hel", "lo")) {
                    out.write(("data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233601,\"choices\":[{\"delta\":"
                                    + "{\"content\":\"" + word + "\"}}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                LoopbackUpstream.sendEvent(out, "[DONE]");
            }
        });
        upstream.route(CUT_STREAM, (exchange, body) -> {
            try (OutputStream out = LoopbackUpstream.startEventStream(exchange)) {
                out.write(("data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233601,\"choices\":[{\"delta\":"
                                + "{\"content\":\"Hel\"}}]}\n\n"
                                + "data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233602,\"choices\":[]}\n")
                        .getBytes(StandardCharsets.UTF_8)); // the last event never gets its blank line
            }
        });
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    Harness harness(Mode mode) {
        return Harnesses.builder(recordings, mode)
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build();
    }

    interface Adapter {
        String call(Harness harness, URI uri) throws Exception;
    }

    static String jdk(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x")) {
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(post(uri), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    static String jdkAsyncLines(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x")) {
            return String.join(
                            "\n",
                            JdkHarness.wrap(HttpClient.newHttpClient(), session)
                                    .sendAsync(post(uri), HttpResponse.BodyHandlers.ofLines())
                                    .get(10, TimeUnit.SECONDS)
                                    .body()
                                    .toList())
                    + "\n";
        }
    }

    static String classic(Harness harness, URI uri) throws Exception {
        try (HarnessSession session = harness.session("T#x");
                CloseableHttpClient client =
                        ApacheHarness.wire(HttpClients.custom(), session).build()) {
            HttpPost post = new HttpPost(uri);
            post.setEntity(new StringEntity(QUESTION, ContentType.APPLICATION_JSON));
            return client.execute(post, response -> EntityUtils.toString(response.getEntity()));
        }
    }

    static String async(Harness harness, URI uri) throws Exception {
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

    static HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                .build();
    }

    static Stream<Arguments> adapters() {
        return Stream.of(
                Arguments.of("java.net.http send", (Adapter) RecordReplayParityTest::jdk),
                Arguments.of("java.net.http sendAsync, lines", (Adapter) RecordReplayParityTest::jdkAsyncLines),
                Arguments.of("Apache classic", (Adapter) RecordReplayParityTest::classic),
                Arguments.of("Apache async", (Adapter) RecordReplayParityTest::async));
    }

    /** What a test of the response asserts; it must hold in both modes. */
    static void assertNormalized(String body) {
        assertThat(body).contains("\"id\":\"rec-").contains("\"created\":0").doesNotContain("chatcmpl-");
    }

    String recordThenReplay(Adapter adapter, String path) throws Exception {
        String recorded = adapter.call(harness(Mode.RECORD), upstream.uri(path));
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
            String replayed = adapter.call(harness(Mode.REPLAY), sentinel.uri(path));
            assertThat(sentinel.acceptedConnections()).isZero();
            assertNormalized(recorded);
            assertNormalized(replayed);
            assertThat(recorded).as("what record mode handed the caller").isEqualTo(replayed);
            return recorded;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    @DisplayName("a JSON body: normalized ids and created, compact, in record mode as in replay")
    void json(String name, Adapter adapter) throws Exception {
        String body = recordThenReplay(adapter, CHAT);
        assertThat(body).contains("\"content\":\"Hello\"").doesNotContain("\n  ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    @DisplayName("a stream of events: each event normalized and rendered as replay renders it")
    void stream(String name, Adapter adapter) throws Exception {
        String body = recordThenReplay(adapter, STREAM);
        assertThat(body)
                .contains("data: {\"id\":\"rec-")
                .contains("Hel")
                .contains("lo")
                .contains("data: [DONE]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    @DisplayName("a stream cut inside its last event: that event normalized, still without its blank line, as replayed")
    void unterminatedStream(String name, Adapter adapter) throws Exception {
        String body = recordThenReplay(adapter, CUT_STREAM);
        assertThat(body).contains("\"created\":0,\"choices\":[]}").doesNotEndWith("\n\n");
    }

    @Test
    @DisplayName("the recording holds what it held before: the recorder still gets the upstream bytes")
    void recordingUnchanged() throws Exception {
        classic(harness(Mode.RECORD), upstream.uri(CHAT));
        Path file;
        try (Stream<Path> files = Files.walk(recordings)) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertThat(Files.readString(file)).contains("\"id\": \"rec-", "\"created\": 0", "\"content\": \"Hello\"");
    }

    @Test
    @DisplayName("without response normalizers, record mode hands the caller upstream's bytes unchanged")
    void noNormalizers() throws Exception {
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#x")) {
            String body = JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(post(upstream.uri(CHAT)), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(body).isEqualTo(ANSWER);
        }
    }

    @Nested
    @DisplayName("while recording a stream, the caller sees event 1, normalized, before upstream sends event 2")
    class EventByEvent {
        GatedSseServer gated;

        @BeforeEach
        void start() throws Exception {
            gated = new GatedSseServer();
        }

        @AfterEach
        void stop() {
            gated.close();
        }

        URI uri() {
            return URI.create(gated.baseUrl() + "/chat/completions");
        }

        /** Reads lines until the first chunk's content, then lets the server send the rest; returns every line. */
        String readGated(BufferedReader reader) throws Exception {
            StringBuilder seen = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                seen.append(line).append('\n');
                if (line.contains(GatedSseServer.FIRST)) {
                    assertThat(line).contains("\"id\":\"rec-").contains("\"created\":0");
                    gated.release();
                }
            }
            assertThat(gated.secondSentBeforeRelease()).isFalse();
            return seen.toString();
        }

        @Test
        @DisplayName("through java.net.http")
        void jdk() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).session("T#x")) {
                HttpResponse<java.io.InputStream> response = JdkHarness.wrap(HttpClient.newHttpClient(), session)
                        .send(post(uri()), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    assertThat(readGated(reader)).contains(GatedSseServer.SECOND);
                }
            }
        }

        @Test
        @DisplayName("through Apache HttpClient (classic)")
        void classic() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).session("T#x");
                    CloseableHttpClient client =
                            ApacheHarness.wire(HttpClients.custom(), session).build()) {
                HttpPost post = new HttpPost(uri());
                post.setEntity(new StringEntity(QUESTION, ContentType.APPLICATION_JSON));
                String seen = client.execute(post, response -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
                        return readGated(reader);
                    } catch (Exception e) {
                        throw new java.io.IOException(e);
                    }
                });
                assertThat(seen).contains(GatedSseServer.SECOND);
            }
        }
    }
}
