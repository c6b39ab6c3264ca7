package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.eventstream.Message;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.EventFrame;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.AwsFrames;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

import tools.jackson.databind.node.ObjectNode;

@DisplayName("AWS event streams are recorded as readable frames, in the engine, and replayed as valid frames")
class EventStreamRecordingTest {
    private static final String STREAM = "/model/m/converse-stream";
    private static final String SECRET = "configured-canary-77ee";
    private static final long SEED = Long.getLong("eventstream.seed", System.nanoTime());

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final HttpClient http = HttpClient.newHttpClient();
    final Random random = new Random(SEED);

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** A ConverseStream answer as Bedrock frames it: padded events, a latency that differs on every call. */
    List<byte[]> converse() {
        return List.of(
                AwsFrames.event("messageStart", "{\"role\":\"assistant\"}", random),
                AwsFrames.event(
                        "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello, \"}}", random),
                AwsFrames.event(
                        "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Earth.\"}}", random),
                AwsFrames.event("messageStop", "{\"stopReason\":\"end_turn\"}", random),
                AwsFrames.event(
                        "metadata",
                        "{\"usage\":{\"inputTokens\":3,\"outputTokens\":2},\"metrics\":{\"latencyMs\":"
                                + (1 + random.nextInt(900)) + "}}",
                        random));
    }

    void serve(List<byte[]> parts) {
        upstream.route(STREAM, (exchange, body) -> {
            OutputStream out = AwsFrames.start(exchange);
            AwsFrames.send(out, parts);
            out.close();
        });
    }

    Harness.Builder harness(Mode mode) {
        return Harnesses.builder(recordings, mode).secret(SECRET).responseNormalizer((json, key) -> {
            if (json.get("metrics") instanceof ObjectNode metrics && metrics.has("latencyMs")) {
                metrics.put("latencyMs", 0);
            }
        });
    }

    HttpRequest post() {
        return HttpRequest.newBuilder(upstream.uri(STREAM))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                .build();
    }

    byte[] call(Mode mode) throws Exception {
        try (HarnessSession session = harness(mode).build().session("ES#t")) {
            return JdkHarness.wrap(http, session)
                    .send(post(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }

    Path file() throws IOException {
        return Harnesses.files(recordings).get(0);
    }

    Recording recording() throws IOException {
        return RecordingsFolder.read(file());
    }

    List<EventFrame> frames() throws IOException {
        return ((Body.Frames) recording().response().body()).frames();
    }

    @Nested
    @DisplayName("recording")
    class Recording_ {
        @Test
        @DisplayName("keeps each frame's headers and JSON payload, drops the random p padding, normalizes each frame")
        void readable() throws Exception {
            serve(converse());
            call(Mode.RECORD);
            assertThat(frames())
                    .extracting(f -> f.header(":event-type"))
                    .containsExactly(
                            "messageStart", "contentBlockDelta", "contentBlockDelta", "messageStop", "metadata");
            assertThat(frames()).allSatisfy(f -> {
                assertThat(f.header(":message-type")).isEqualTo("event");
                assertThat(f.frame().get("json").has("p")).as("padding dropped").isFalse();
            });
            assertThat(frames().get(4).frame().get("json").toString())
                    .isEqualTo("{\"usage\":{\"inputTokens\":3,\"outputTokens\":2},\"metrics\":{\"latencyMs\":0}}");
            String text = Files.readString(file());
            assertThat(text).contains("\"frames\"").contains("\"Earth.\"").doesNotContain("\"base64\"");
        }

        @Test
        @DisplayName("unwraps an InvokeModel chunk to the model's JSON, normalized too")
        void chunk() throws Exception {
            serve(List.of(AwsFrames.chunk(
                    "{\"choices\":[{\"delta\":{\"content\":\"Earth\"}}],\"metrics\":{\"latencyMs\":812}}", random)));
            call(Mode.RECORD);
            EventFrame frame = frames().get(0);
            assertThat(frame.frame().get("chunk").toString())
                    .isEqualTo("{\"choices\":[{\"delta\":{\"content\":\"Earth\"}}],\"metrics\":{\"latencyMs\":0}}");
            assertThat(frame.frame().has("json"))
                    .as("nothing but the padding was beside the bytes")
                    .isFalse();
        }

        @Test
        @DisplayName("keeps an exception frame with its type, after the frames before it")
        void exceptionFrame() throws Exception {
            List<byte[]> parts = new ArrayList<>(converse().subList(0, 2));
            parts.add(AwsFrames.exception("modelStreamErrorException", "The model stream was interrupted."));
            serve(parts);
            call(Mode.RECORD);
            EventFrame last = frames().get(2);
            assertThat(last.exception()).isTrue();
            assertThat(last.header(":exception-type")).isEqualTo("modelStreamErrorException");
            assertThat(last.frame().get("json").get("message").asString())
                    .isEqualTo("The model stream was interrupted.");
            assertThat(recording().response().complete()).isTrue();
        }

        @Test
        @DisplayName("redacts a secret in every part of a frame: header values, JSON payloads, chunks")
        void redacts() throws Exception {
            java.util.Map<String, software.amazon.awssdk.eventstream.HeaderValue> headers =
                    new java.util.LinkedHashMap<>();
            headers.put(":event-type", software.amazon.awssdk.eventstream.HeaderValue.fromString("x-" + SECRET));
            headers.put(":message-type", software.amazon.awssdk.eventstream.HeaderValue.fromString("event"));
            serve(List.of(
                    AwsFrames.frame(headers, "{\"token\":\"" + SECRET + "\"}"),
                    AwsFrames.chunk("{\"key\":\"" + SECRET + "\"}", random),
                    AwsFrames.frame(headers, "plain text " + SECRET)));
            call(Mode.RECORD);
            assertThat(Files.readString(file())).doesNotContain(SECRET).contains("REDACTED");
            assertThat(frames()).hasSize(3);
        }

        @Test
        @DisplayName("re-recording an unchanged upstream (new padding, new latency, new request id) changes no byte")
        void zeroChurn() throws Exception {
            upstream.route(STREAM, (exchange, body) -> {
                OutputStream out = AwsFrames.start(exchange);
                AwsFrames.send(out, converse()); // new padding and latency on every call
                out.close();
            });
            call(Mode.RECORD);
            byte[] first = Files.readAllBytes(file());
            call(Mode.RECORD);
            assertThat(Files.readAllBytes(file())).as("seed %d", SEED).isEqualTo(first);
        }

        @Test
        @DisplayName("records each frame's offset when timing is recorded")
        void timing() throws Exception {
            serve(converse());
            try (HarnessSession session =
                    harness(Mode.RECORD).recordTiming(true).build().session("ES#t")) {
                JdkHarness.wrap(http, session).send(post(), HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(frames())
                    .allSatisfy(f -> assertThat(f.offsetMs()).isNotNull().isNotNegative());
            assertThat(Files.readString(file())).contains("\"offsetMs\"");
        }
    }

    @Nested
    @DisplayName("replay")
    class Replay {
        @Test
        @DisplayName("re-encodes byte-exact valid frames (correct CRCs), one delivered chunk per frame")
        void frameByFrame() throws Exception {
            serve(converse());
            call(Mode.RECORD);
            List<byte[]> chunks = new ArrayList<>();
            try (HarnessSession session = harness(Mode.REPLAY).build().session("ES#t")) {
                JdkHarness.wrap(http, session)
                        .send(post(), info -> new Chunks(chunks))
                        .body();
            }
            assertThat(chunks).hasSize(5);
            List<String> types = new ArrayList<>();
            for (byte[] chunk : chunks) {
                Message message = Message.decode(ByteBuffer.wrap(chunk)); // checks both CRCs
                types.add(message.getHeaders().get(":event-type").getString());
                assertThat(new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8))
                        .doesNotContain("\"p\"");
            }
            assertThat(types)
                    .containsExactly(
                            "messageStart", "contentBlockDelta", "contentBlockDelta", "messageStop", "metadata");
        }

        @Test
        @DisplayName("an InvokeModel chunk replays with the model's JSON base64-wrapped again, as the SDK expects")
        void chunkReplay() throws Exception {
            String model = "{\"choices\":[{\"delta\":{\"content\":\"Earth\"}}]}";
            serve(List.of(AwsFrames.chunk(model, random)));
            call(Mode.RECORD);
            byte[] body = call(Mode.REPLAY);
            Message message = Message.decode(ByteBuffer.wrap(body));
            String payload = new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(payload)
                    .isEqualTo("{\"bytes\":\""
                            + java.util.Base64.getEncoder()
                                    .encodeToString(model.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            + "\"}");
        }

        @Test
        @DisplayName("waits each frame's recorded delay when timing is replayed")
        void timed() throws Exception {
            serve(converse());
            call(Mode.RECORD);
            String text = Files.readString(file());
            int at = text.indexOf("\"frames\"");
            for (int i = 1; i <= 5; i++) { // give the frames offsets 10, 20, …, 50 ms by hand
                at = text.indexOf("\"headers\"", at + 1);
                String offset = "\"offsetMs\": " + (10 * i) + ", ";
                text = text.substring(0, at) + offset + text.substring(at);
                at += offset.length();
            }
            Files.writeString(file(), text);
            List<java.time.Duration> waits = new ArrayList<>();
            try (HarnessSession session = harness(Mode.REPLAY)
                    .replayTiming(true)
                    .sleeper(waits::add)
                    .build()
                    .session("ES#t")) {
                JdkHarness.wrap(http, session).send(post(), HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(waits)
                    .containsExactly(
                            java.time.Duration.ofMillis(10),
                            java.time.Duration.ofMillis(10),
                            java.time.Duration.ofMillis(10),
                            java.time.Duration.ofMillis(10),
                            java.time.Duration.ofMillis(10));
        }
    }

    @Nested
    @DisplayName("record mode passes frames through as they arrive")
    class PassThrough {
        @Test
        @DisplayName("the caller sees frame 1 before upstream sends frame 2")
        void latch() throws Exception {
            List<byte[]> frames = converse();
            CountDownLatch callerSawFirst = new CountDownLatch(1);
            AtomicBoolean waitedInVain = new AtomicBoolean();
            upstream.route(STREAM, (exchange, body) -> {
                OutputStream out = AwsFrames.start(exchange);
                AwsFrames.send(out, frames.subList(0, 1));
                waitedInVain.set(!callerSawFirst.await(10, TimeUnit.SECONDS));
                AwsFrames.send(out, frames.subList(1, frames.size()));
                out.close();
            });
            try (HarnessSession session = harness(Mode.RECORD).build().session("ES#t")) {
                HttpResponse<InputStream> response =
                        JdkHarness.wrap(http, session).send(post(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    byte[] first = in.readNBytes(frames.get(0).length);
                    assertThat(first).isEqualTo(frames.get(0));
                    callerSawFirst.countDown();
                    in.readAllBytes();
                }
            }
            assertThat(waitedInVain)
                    .as("upstream had to send frame 2 before the caller saw frame 1")
                    .isFalse();
            assertThat(frames()).hasSize(5);
        }

        @Test
        @DisplayName("a caller that stops after frame 1 still leaves a complete recording of every frame")
        void earlyStop() throws Exception {
            serve(converse());
            try (HarnessSession session = harness(Mode.RECORD).build().session("ES#t")) {
                HttpResponse<InputStream> response =
                        JdkHarness.wrap(http, session).send(post(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    assertThat(in.read()).isNotNegative();
                }
            }
            assertThat(recording().response().complete()).isTrue();
            assertThat(frames()).hasSize(5);
        }

        @Test
        @DisplayName("a caller that stops early with more left than the drain limit gets a recording marked truncated")
        void earlyStopOverDrainLimit() throws Exception {
            List<byte[]> frames = converse();
            CountDownLatch callerClosed = new CountDownLatch(1);
            upstream.route(STREAM, (exchange, body) -> {
                OutputStream out = AwsFrames.start(exchange);
                AwsFrames.send(out, frames.subList(0, 1));
                callerClosed.await(10, TimeUnit.SECONDS);
                AwsFrames.send(out, frames.subList(1, frames.size()));
                out.close();
            });
            try (HarnessSession session =
                    harness(Mode.RECORD).maxDrainBytes(1).build().session("ES#t")) {
                HttpResponse<InputStream> response =
                        JdkHarness.wrap(http, session).send(post(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    assertThat(in.readNBytes(frames.get(0).length)).isEqualTo(frames.get(0));
                }
                callerClosed.countDown();
            }
            Interruption interruption = recording().response().interruption();
            assertThat(interruption).isNotNull();
            assertThat(interruption.kind()).isEqualTo(Interruption.Kind.TRUNCATED);
            assertThat(frames()).isNotEmpty().hasSizeLessThan(5);
            assertThat(frames().get(0).header(":event-type")).isEqualTo("messageStart");
        }
    }

    @Nested
    @DisplayName("the same through Apache HttpClient (the engine records, whichever adapter carried the stream)")
    class Apache {
        byte[] classic(Mode mode) throws Exception {
            try (HarnessSession session = harness(mode).build().session("ES#t");
                    org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
                            dev.replayharness.core.apache.ApacheHarness.wire(
                                            org.apache.hc.client5.http.impl.classic.HttpClients.custom(), session)
                                    .build()) {
                var post = new org.apache.hc.client5.http.classic.methods.HttpPost(upstream.uri(STREAM));
                post.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity("{\"messages\":[]}"));
                return client.execute(
                        post,
                        response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(response.getEntity()));
            }
        }

        byte[] async(Mode mode) throws Exception {
            try (HarnessSession session = harness(mode).build().session("ES#t");
                    org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient client =
                            dev.replayharness.core.apache.ApacheHarness.wire(
                                            org.apache.hc.client5.http.impl.async.HttpAsyncClients.custom(), session)
                                    .build()) {
                client.start();
                var request = org.apache.hc.client5.http.async.methods.SimpleRequestBuilder.post(upstream.uri(STREAM))
                        .setBody("{\"messages\":[]}", org.apache.hc.core5.http.ContentType.TEXT_PLAIN)
                        .build();
                return client.execute(request, null).get(10, TimeUnit.SECONDS).getBodyBytes();
            }
        }

        @Test
        @DisplayName("classic: recorded as the same readable frames as through java.net.http, replayed as valid frames")
        void classicClient() throws Exception {
            serve(converse());
            call(Mode.RECORD);
            Body viaJdk = recording().response().body();
            byte[] replayedJdk = call(Mode.REPLAY);
            serve(converse()); // new padding and latency
            classic(Mode.RECORD);
            assertThat(recording().response().body()).isEqualTo(viaJdk);
            assertThat(classic(Mode.REPLAY)).isEqualTo(replayedJdk);
            assertThat(EventStreamCodecText.text(replayedJdk)).isEqualTo("Hello, Earth.");
        }

        @Test
        @DisplayName("async: recorded as the same readable frames, replayed as valid frames")
        void asyncClient() throws Exception {
            serve(converse());
            async(Mode.RECORD);
            assertThat(frames()).hasSize(5);
            assertThat(EventStreamCodecText.text(async(Mode.REPLAY))).isEqualTo("Hello, Earth.");
        }
    }

    /** The text of a ConverseStream body, read back with the codec (which checks every CRC). */
    static final class EventStreamCodecText {
        static String text(byte[] body) {
            return dev.replayharness.core.eventstream.EventStreamCodec.converseText(
                    dev.replayharness.core.eventstream.EventStreamCodec.toJson(body, "the replayed body"));
        }
    }

    /** Collects each delivered chunk as it came. */
    static final class Chunks implements HttpResponse.BodySubscriber<Void> {
        private final List<byte[]> chunks;
        private final java.util.concurrent.CompletableFuture<Void> done =
                new java.util.concurrent.CompletableFuture<>();
        private Flow.Subscription subscription;

        Chunks(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream();
            item.forEach(b -> {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                chunk.writeBytes(bytes);
            });
            chunks.add(chunk.toByteArray());
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    static Throwable rootMessage(Throwable t) {
        return catchThrowable(() -> {
            throw t;
        });
    }
}
