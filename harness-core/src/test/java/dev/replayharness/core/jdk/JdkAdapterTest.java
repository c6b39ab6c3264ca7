package dev.replayharness.core.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.DroppingServer;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;
import dev.replayharness.core.testing.PausingStream;

@DisplayName("The java.net.http adapter")
class JdkAdapterTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String QUESTION = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    HttpRequest post(String body) {
        return HttpRequest.newBuilder(upstream.uri(CHAT))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-key-not-a-secret")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    String call(Harness harness, String testId, String body) throws Exception {
        try (HarnessSession session = harness.session(testId)) {
            return JdkHarness.wrap(http, session)
                    .send(post(body), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    @Nested
    @DisplayName("non-streaming")
    class NonStreaming {
        @Test
        @DisplayName("records the exchange, then replays it with the upstream gone")
        void recordThenReplay() throws Exception {
            upstream.json(
                    CHAT,
                    200,
                    "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"Hello\"}}],\"n\":0.70}");
            assertThat(call(Harnesses.of(recordings, Mode.RECORD), "T#t", QUESTION))
                    .contains("Hello");

            List<Path> files = Harnesses.files(recordings);
            assertThat(files).hasSize(1);
            Recording recording = RecordingsFolder.read(files.get(0));
            assertThat(recording.source()).isEqualTo("emulator");
            assertThat(recording.testId()).isEqualTo("T#t");
            assertThat(recording.request().url()).isEqualTo("http://127.0.0.1" + CHAT);
            assertThat(recording.request().headers().asMap()).containsOnlyKeys("content-type");
            assertThat(recording.response().body()).isInstanceOf(Body.Json.class);
            if (files.get(0).getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(files.get(0))))
                        .as("a committed recording is readable by everyone")
                        .isEqualTo("rw-r--r--");
            }

            upstream.close();
            String replayed = call(Harnesses.of(recordings, Mode.REPLAY), "T#t", QUESTION);
            assertThat(replayed)
                    .isEqualTo(
                            "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"Hello\"}}],\"n\":0.70}");
        }

        @Test
        @DisplayName("an upstream error (status, Retry-After, body) is recorded and replayed faithfully")
        void upstreamError() throws Exception {
            upstream.route(CHAT, (exchange, body) -> {
                exchange.getResponseHeaders().set("Retry-After", "7");
                LoopbackUpstream.sendJson(exchange, 429, "{\"message\":\"Too many requests\"}");
            });
            try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#e")) {
                JdkHarness.wrap(http, session).send(post(QUESTION), HttpResponse.BodyHandlers.ofString());
            }
            try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("T#e")) {
                HttpResponse<String> response =
                        JdkHarness.wrap(http, session).send(post(QUESTION), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("retry-after")).contains("7");
                assertThat(response.body()).isEqualTo("{\"message\":\"Too many requests\"}");
            }
            assertThat(upstream.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("re-recording an unchanged upstream rewrites byte-identical files (ids and timestamps normalized)")
        void zeroChurn() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            upstream.route(
                    CHAT,
                    (exchange, body) -> LoopbackUpstream.sendJson(
                            exchange,
                            200,
                            "{\"id\":\"chatcmpl-" + System.nanoTime() + "\",\"created\":"
                                    + (1700000000 + calls.incrementAndGet()) + ",\"choices\":[]}"));
            Harness harness = Harnesses.builder(recordings, Mode.RECORD)
                    .responseNormalizer(ResponseNormalizer.openAiCompatible())
                    .build();
            call(harness, "T#c", QUESTION);
            Path file = Harnesses.files(recordings).get(0);
            byte[] first = Files.readAllBytes(file);
            call(harness, "T#c", QUESTION);
            assertThat(Files.readAllBytes(file)).isEqualTo(first);
            assertThat(new String(first, StandardCharsets.UTF_8))
                    .contains("\"id\": \"rec-" + file.getFileName().toString().substring(0, 12) + "\"")
                    .contains("\"created\": 0")
                    .endsWith("}\n");
        }

        @Test
        @DisplayName("a gzip-encoded body replays with its Content-Encoding, so the caller can still decode it")
        void gzip() throws Exception {
            byte[] plain = "{\"zipped\":true}".getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                gzip.write(plain);
            }
            upstream.route(CHAT, (exchange, body) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, zipped.size());
                exchange.getResponseBody().write(zipped.toByteArray());
            });
            for (Mode mode : List.of(Mode.RECORD, Mode.REPLAY)) {
                try (HarnessSession session = Harnesses.of(recordings, mode).session("T#gzip")) {
                    HttpResponse<byte[]> response = JdkHarness.wrap(http, session)
                            .send(post(QUESTION), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(response.headers().firstValue("content-encoding"))
                            .as(mode.value())
                            .contains("gzip");
                    assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
                                    .readAllBytes())
                            .as(mode.value())
                            .isEqualTo(plain);
                }
                if (mode == Mode.RECORD) {
                    Recording recording =
                            RecordingsFolder.read(Harnesses.files(recordings).get(0));
                    assertThat(recording.response().body())
                            .as("stored decoded: readable, and redactable")
                            .isEqualTo(new Body.Json(dev.replayharness.core.json.Json.tryParse(plain)
                                    .orElseThrow()));
                    assertThat(recording.response().headers().first("content-encoding"))
                            .contains("gzip");
                }
            }
            try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("T#gzip");
                    org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache =
                            dev.replayharness.core.apache.ApacheHarness.wire(
                                            org.apache.hc.client5.http.impl.classic.HttpClients.custom(), session)
                                    .build()) {
                org.apache.hc.client5.http.classic.methods.HttpPost post =
                        new org.apache.hc.client5.http.classic.methods.HttpPost(upstream.uri(CHAT));
                post.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(QUESTION));
                String[] encodingAndBody = apache.execute(post, r -> new String[] {
                    r.getFirstHeader("Content-Encoding") == null
                            ? null
                            : r.getFirstHeader("Content-Encoding").getValue(),
                    org.apache.hc.core5.http.io.entity.EntityUtils.toString(r.getEntity())
                });
                assertThat(encodingAndBody)
                        .as("decoded, as Apache's own decompression hands it over")
                        .containsExactly(null, "{\"zipped\":true}");
            }
        }

        @Test
        @DisplayName("live mode calls upstream and writes nothing")
        void live() throws Exception {
            upstream.json(CHAT, 200, "{\"ok\":true}");
            assertThat(call(Harnesses.of(recordings, Mode.LIVE), "T#l", QUESTION))
                    .isEqualTo("{\"ok\":true}");
            assertThat(Harnesses.files(recordings)).isEmpty();
        }

        @Test
        @DisplayName("record-if-missing records once, then replays")
        void recordIfMissing() throws Exception {
            upstream.json(CHAT, 200, "{\"ok\":true}");
            Harness harness = Harnesses.of(recordings, Mode.RECORD_IF_MISSING);
            call(harness, "T#m", QUESTION);
            call(harness, "T#m", QUESTION);
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(Harnesses.files(recordings)).hasSize(1);
        }

        @Test
        @DisplayName("a discarded session (a failed test) writes nothing")
        void discard() throws Exception {
            upstream.json(CHAT, 200, "{\"ok\":true}");
            try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#d")) {
                JdkHarness.wrap(http, session).send(post(QUESTION), HttpResponse.BodyHandlers.ofString());
                assertThat(session.discard()).hasSize(1);
                assertThat(session.uses()).isEmpty();
            }
            assertThat(Harnesses.files(recordings)).isEmpty();
        }

        @Test
        @DisplayName("sendAsync replays too")
        void async() throws Exception {
            upstream.json(CHAT, 200, "{\"ok\":1}");
            call(Harnesses.of(recordings, Mode.RECORD), "T#a", QUESTION);
            try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("T#a")) {
                CompletableFuture<HttpResponse<String>> future =
                        JdkHarness.wrap(http, session).sendAsync(post(QUESTION), HttpResponse.BodyHandlers.ofString());
                assertThat(future.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"ok\":1}");
            }
        }
    }

    @Nested
    @DisplayName("repeated identical requests")
    class Repeated {
        @BeforeEach
        void counting() {
            AtomicInteger n = new AtomicInteger();
            upstream.route(
                    CHAT,
                    (exchange, body) ->
                            LoopbackUpstream.sendJson(exchange, 200, "{\"n\":" + n.incrementAndGet() + "}"));
        }

        List<String> callThrice(Harness harness, int times) throws Exception {
            List<String> bodies = new ArrayList<>();
            try (HarnessSession session = harness.session("T#r")) {
                HttpClient client = JdkHarness.wrap(http, session);
                for (int i = 0; i < times; i++) {
                    bodies.add(client.send(post(QUESTION), HttpResponse.BodyHandlers.ofString())
                            .body());
                }
            }
            return bodies;
        }

        @Test
        @DisplayName("get their own recordings and replay in the order recorded; one more is a miss")
        void sequence() throws Exception {
            callThrice(Harnesses.of(recordings, Mode.RECORD), 3);
            assertThat(Harnesses.files(recordings))
                    .extracting(p -> p.getFileName().toString().replaceAll("^[0-9a-f]{64}", "KEY"))
                    .containsExactly("KEY-2.json", "KEY-3.json", "KEY.json");
            assertThat(callThrice(Harnesses.of(recordings, Mode.REPLAY), 3))
                    .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            assertThatThrownBy(() -> callThrice(Harnesses.of(recordings, Mode.REPLAY), 4))
                    .isInstanceOf(ReplayMissError.class)
                    .hasMessageContaining("This is identical request #4 in this test; only 3 recorded");
        }

        @Test
        @DisplayName("with REUSE_LAST, keep replaying the last recording")
        void reuseLast() throws Exception {
            callThrice(Harnesses.of(recordings, Mode.RECORD), 2);
            Harness reuse = Harnesses.builder(recordings, Mode.REPLAY)
                    .repeatPolicy(RepeatPolicy.REUSE_LAST)
                    .build();
            assertThat(callThrice(reuse, 4)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":2}", "{\"n\":2}");
        }
    }

    @Nested
    @DisplayName("replay fails closed")
    class FailClosed {
        @Test
        @DisplayName("a miss sends nothing upstream: a sentinel server accepts 0 connections")
        void sentinel() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session =
                            Harnesses.of(recordings, Mode.REPLAY).session("T#f")) {
                HttpRequest request = HttpRequest.newBuilder(sentinel.uri(CHAT))
                        .POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                        .build();
                HttpClient client = JdkHarness.wrap(http, session);
                assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(ReplayMissError.class);
                assertThat(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                        .failsWithin(Duration.ofSeconds(10))
                        .withThrowableThat()
                        .havingRootCause()
                        .isInstanceOf(ReplayMissError.class);
                assertThat(sentinel.acceptedConnections()).isZero();
                assertThat(session.uses()).extracting(RecordingUse::outcome).containsOnly(RecordingUse.Outcome.MISSED);
            }
        }
    }

    @Nested
    @DisplayName("streaming (text/event-stream)")
    class Streaming {
        @Test
        @DisplayName("record tees: the caller sees chunk 1 before upstream sends chunk 2")
        void teeTiming() throws Exception {
            PausingStream pausing = PausingStream.serve(upstream, CHAT, "{\"n\":1}", List.of("{\"n\":2}", "[DONE]"));
            List<String> lines = new ArrayList<>();
            try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#s")) {
                HttpResponse<InputStream> response =
                        JdkHarness.wrap(http, session).send(post(QUESTION), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line);
                        if (line.equals("data: {\"n\":1}")) {
                            pausing.callerSawFirst();
                        }
                    }
                }
            }
            assertThat(pausing.waitedInVain())
                    .as("upstream had to send chunk 2 before the caller saw chunk 1")
                    .isFalse();
            assertThat(lines).containsExactly("data: {\"n\":1}", "", "data: {\"n\":2}", "", "data: [DONE]", "");
            Recording recording =
                    RecordingsFolder.read(Harnesses.files(recordings).get(0));
            Body.EventStream events = (Body.EventStream) recording.response().body();
            assertThat(events.events())
                    .extracting(e -> e.data().toString())
                    .containsExactly("{\"n\":1}", "{\"n\":2}", "\"[DONE]\"");
            assertThat(events.events()).allSatisfy(e -> assertThat(e.offsetMs()).isNull());
        }

        @Test
        @DisplayName("replay delivers the same bytes, one event per chunk")
        void replayChunks() throws Exception {
            String wire =
                    "data: {\"a\":1}\n\ndata: {\"b\":[true,null]}\n\n: keep-alive\n\nevent: end\ndata: [DONE]\n\n";
            upstream.route(CHAT, (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                out.write(wire.getBytes(StandardCharsets.UTF_8));
                out.close();
            });
            call(Harnesses.of(recordings, Mode.RECORD), "T#c", QUESTION);
            List<String> chunks = new ArrayList<>();
            try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("T#c")) {
                JdkHarness.wrap(http, session).send(post(QUESTION), info -> new ChunkCollector(chunks));
            }
            assertThat(chunks)
                    .containsExactly(
                            "data: {\"a\":1}\n\n",
                            "data: {\"b\":[true,null]}\n\n",
                            ": keep-alive\n\n",
                            "event: end\ndata: [DONE]\n\n");
            assertThat(String.join("", chunks)).isEqualTo(wire);
        }

        @Test
        @DisplayName("a caller that stops reading early still leaves a complete recording")
        void earlyClose() throws Exception {
            upstream.route(CHAT, (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                for (int i = 1; i <= 5; i++) {
                    LoopbackUpstream.sendEvent(out, "{\"n\":" + i + "}");
                }
                out.close();
            });
            try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("T#x")) {
                HttpResponse<InputStream> response =
                        JdkHarness.wrap(http, session).send(post(QUESTION), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    assertThat(body.read()).isEqualTo('d');
                }
            }
            Recording recording =
                    RecordingsFolder.read(Harnesses.files(recordings).get(0));
            assertThat(recording.response().complete()).isTrue();
            assertThat(((Body.EventStream) recording.response().body()).events())
                    .hasSize(5);
        }

        @Test
        @DisplayName("a mid-stream failure is recorded and replayed after the chunks that preceded it")
        void midStreamFailure() throws Exception {
            List<String> seen = new ArrayList<>();
            try (DroppingServer dropping = new DroppingServer(List.of("{\"n\":1}", "{\"n\":2}"));
                    HarnessSession session =
                            Harnesses.of(recordings, Mode.RECORD).session("T#m")) {
                assertThat(readLinesUntilFailure(session, dropping.uri(CHAT), seen))
                        .isNotNull();
            }
            Recording recording =
                    RecordingsFolder.read(Harnesses.files(recordings).get(0));
            assertThat(recording.response().interruption())
                    .extracting(Interruption::kind)
                    .isEqualTo(Interruption.Kind.UPSTREAM_ERROR);
            assertThat(((Body.EventStream) recording.response().body()).events())
                    .hasSize(2);

            List<String> replayed = new ArrayList<>();
            try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("T#m")) {
                IOException failure = readLinesUntilFailure(session, upstream.uri(CHAT), replayed);
                // java.net.http reports a body subscriber's error as IOException("closed", cause)
                assertThat(failure.getCause() == null ? failure : failure.getCause())
                        .hasMessageContaining("Upstream failed mid-response when this was recorded")
                        .hasMessageContaining(
                                Harnesses.files(recordings).get(0).getFileName().toString());
            }
            assertThat(replayed).containsExactly("data: {\"n\":1}", "", "data: {\"n\":2}", "");
        }

        private IOException readLinesUntilFailure(HarnessSession session, java.net.URI uri, List<String> lines)
                throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                    .build();
            HttpResponse<InputStream> response =
                    JdkHarness.wrap(http, session).send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                return e;
            }
            throw new AssertionError("the body should have failed mid-stream, but ended normally after " + lines);
        }

        @Test
        @DisplayName("recorded timing is replayed only when asked for, through the injected sleeper")
        void timing() throws Exception {
            upstream.route(CHAT, (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                LoopbackUpstream.sendEvent(out, "{\"n\":1}");
                LoopbackUpstream.sendEvent(out, "{\"n\":2}");
                out.close();
            });
            call(Harnesses.builder(recordings, Mode.RECORD).recordTiming(true).build(), "T#t", QUESTION);
            Path file = Harnesses.files(recordings).get(0);
            String text = Files.readString(file);
            assertThat(text).contains("\"offsetMs\"");
            // Pin the offsets so the expected sleeps are exact.
            Files.writeString(
                    file,
                    text.replaceFirst("\"offsetMs\": \\d+", "\"offsetMs\": 40")
                            .replaceFirst("(?s)(.*)\"offsetMs\": \\d+", "$1\"offsetMs\": 140"));
            List<Duration> sleeps = new ArrayList<>();
            Harness timed = Harnesses.builder(recordings, Mode.REPLAY)
                    .replayTiming(true)
                    .sleeper(sleeps::add)
                    .build();
            assertThat(call(timed, "T#t", QUESTION)).isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
            assertThat(sleeps).containsExactly(Duration.ofMillis(40), Duration.ofMillis(100));
            sleeps.clear();
            call(
                    Harnesses.builder(recordings, Mode.REPLAY)
                            .replayTiming(false)
                            .sleeper(sleeps::add)
                            .build(),
                    "T#t",
                    QUESTION);
            assertThat(sleeps)
                    .as("timing off: the same sleeper is never asked to wait")
                    .isEmpty();
        }
    }

    /** Collects each delivered chunk as a string, requesting one at a time. */
    static final class ChunkCollector implements HttpResponse.BodySubscriber<Void> {
        private final List<String> chunks;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;

        ChunkCollector(List<String> chunks) {
            this.chunks = chunks;
        }

        @Override
        public CompletableFuture<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            StringBuilder chunk = new StringBuilder();
            item.forEach(b -> chunk.append(StandardCharsets.UTF_8.decode(b)));
            chunks.add(chunk.toString());
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
