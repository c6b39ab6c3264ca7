package dev.replayharness.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackServer;

@DisplayName("HarnessOkHttp's interceptor")
class HarnessInterceptorTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String BODY =
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world!\"}]}";

    @TempDir
    Path recordings;

    private static Request post(String url) {
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create(BODY, JSON))
                .build();
    }

    private static LoopbackServer answering(String body) {
        return LoopbackServer.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    private void recordOne(String answer) throws IOException {
        try (LoopbackServer upstream = answering(answer);
                HarnessSession session = Sessions.open(recordings, Mode.RECORD)) {
            try (Response response = HarnessOkHttp.client(session)
                    .newCall(post(upstream.url() + "/v1/chat"))
                    .execute()) {
                assertThat(response.body().string()).isEqualTo(answer);
            }
        }
    }

    @Nested
    @DisplayName("in replay mode")
    class Replay {
        @Test
        @DisplayName("answers from the recording without proceeding: the TCP sentinel counts 0 connections")
        void failClosed() throws IOException {
            recordOne("{\"answer\":\"recorded\"}");

            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
                try (Response response = HarnessOkHttp.client(session)
                        .newCall(post(sentinel.uri("/v1/chat").toString()))
                        .execute()) {
                    assertThat(response.code()).isEqualTo(200);
                    assertThat(response.header("Content-Type")).isEqualTo("application/json");
                    assertThat(response.body().string()).isEqualTo("{\"answer\":\"recorded\"}");
                }
                assertThat(sentinel.acceptedConnections()).isZero();
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.REPLAYED);
            }
        }

        @Test
        @DisplayName("a miss leaves Call.execute() as the harness's ReplayMissError, untouched, with no connection")
        void missFromExecute() throws IOException {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
                Call call = HarnessOkHttp.client(session)
                        .newCall(post(sentinel.uri("/v1/chat").toString()));

                assertThatThrownBy(call::execute)
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("no recording for this request")
                        .hasMessageContaining("/v1/chat");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName(
                "a miss through Call.enqueue reaches onFailure as OkHttp's IOException caused by the ReplayMissError")
        void missFromEnqueue() throws Exception {
            try (HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
                CompletableFuture<IOException> failure = new CompletableFuture<>();
                HarnessOkHttp.client(session)
                        .newCall(post("http://127.0.0.1:9/v1/chat"))
                        .enqueue(new Callback() {
                            @Override
                            public void onFailure(Call call, IOException e) {
                                failure.complete(e);
                            }

                            @Override
                            public void onResponse(Call call, Response response) {
                                response.close();
                                failure.completeExceptionally(new AssertionError("answered: " + response));
                            }
                        });

                assertThat(failure.get(10, TimeUnit.SECONDS))
                        .hasCauseExactlyInstanceOf(ReplayMissError.class)
                        .cause()
                        .hasMessageContaining("no recording for this request");
            }
        }

        @Test
        @DisplayName(
                "the OpenAI SDK's own OkHttp client: a miss is the ReplayMissError, on the first attempt, not retried")
        void sdkMissIsNotRetried() throws IOException {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
                OpenAIClient openai = OpenAIOkHttpClient.builder()
                        .baseUrl(sentinel.uri("/openai/v1").toString())
                        .apiKey("sk-test-not-a-secret")
                        .addInterceptor(HarnessOkHttp.interceptor(session))
                        .build();
                try {
                    assertThatThrownBy(() -> openai.chat()
                                    .completions()
                                    .create(ChatCompletionCreateParams.builder()
                                            .model("m")
                                            .addUserMessage("Hello, world!")
                                            .build()))
                            .isExactlyInstanceOf(ReplayMissError.class)
                            .hasMessageContaining("/openai/v1/chat/completions");
                } finally {
                    openai.close();
                }
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("compressed answers")
    class Compressed {
        private static final String ANSWER = "{\"answer\":\"" + "compressible ".repeat(50) + "\"}";

        private LoopbackServer gzipping() {
            return LoopbackServer.start(exchange -> {
                exchange.getRequestBody().readAllBytes();
                java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                    gzip.write(ANSWER.getBytes(StandardCharsets.UTF_8));
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, zipped.size());
                exchange.getResponseBody().write(zipped.toByteArray());
            });
        }

        @Test
        @DisplayName("OkHttp's transparent gzip: recorded decoded, replayed decoded")
        void transparent() throws IOException {
            try (LoopbackServer upstream = gzipping();
                    HarnessSession session = Sessions.open(recordings, Mode.RECORD);
                    Response response = HarnessOkHttp.client(session)
                            .newCall(post(upstream.url() + "/v1/chat"))
                            .execute()) {
                assertThat(response.body().string()).isEqualTo(ANSWER);
            }
            try (HarnessSession session = Sessions.open(recordings, Mode.REPLAY);
                    Response response = HarnessOkHttp.client(session)
                            .newCall(post("http://127.0.0.1:9/v1/chat"))
                            .execute()) {
                assertThat(response.header("Content-Encoding")).isNull();
                assertThat(response.body().string()).isEqualTo(ANSWER);
            }
        }

        @Test
        @DisplayName("Accept-Encoding set by the caller: the caller gets gzip bytes when recording and when replaying")
        void askedForByTheCaller() throws IOException {
            Request request = post("http://127.0.0.1:9/v1/chat")
                    .newBuilder()
                    .header("Accept-Encoding", "gzip")
                    .build();
            try (LoopbackServer upstream = gzipping();
                    HarnessSession session = Sessions.open(recordings, Mode.RECORD);
                    Response response = HarnessOkHttp.client(session)
                            .newCall(request.newBuilder()
                                    .url(upstream.url() + "/v1/chat")
                                    .build())
                            .execute()) {
                assertThat(gunzip(response.body().bytes())).isEqualTo(ANSWER);
            }
            try (HarnessSession session = Sessions.open(recordings, Mode.REPLAY);
                    Response response =
                            HarnessOkHttp.client(session).newCall(request).execute()) {
                assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
                assertThat(gunzip(response.body().bytes())).isEqualTo(ANSWER);
            }
        }

        private static String gunzip(byte[] bytes) throws IOException {
            try (java.util.zip.GZIPInputStream in =
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Nested
    @DisplayName("credentials and telemetry")
    class Credentials {
        @Test
        @DisplayName("Authorization, x-api-key, User-Agent and X-Stainless-* are in no file and no key")
        void keptOutOfKeysAndFiles() throws IOException {
            String secret = "sk-canary-4f1c9e27b8a3d605";
            try (LoopbackServer upstream = answering("{\"ok\":true}");
                    HarnessSession session = Sessions.open(recordings, Mode.RECORD)) {
                Request request = post(upstream.url() + "/v1/chat")
                        .newBuilder()
                        .header("Authorization", "Bearer " + secret)
                        .header("x-api-key", secret)
                        .header("User-Agent", "OpenAI/Java 4.101.0")
                        .header("X-Stainless-OS", "Linux")
                        .header("X-Stainless-Retry-Count", "0")
                        .build();
                HarnessOkHttp.client(session).newCall(request).execute().close();
            }
            try (Stream files = new Stream(recordings)) {
                assertThat(files.text())
                        .doesNotContain(secret)
                        .doesNotContainIgnoringCase("x-stainless")
                        .doesNotContainIgnoringCase("user-agent")
                        .doesNotContainIgnoringCase("x-api-key");
            }

            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = Sessions.open(recordings, Mode.REPLAY)) {
                Request other = post(sentinel.uri("/v1/chat").toString())
                        .newBuilder()
                        .header("Authorization", "Bearer other")
                        .header("x-api-key", "other")
                        .header("User-Agent", "OpenAI/Java 9.9.9")
                        .header("X-Stainless-OS", "MacOS")
                        .header("X-Stainless-Retry-Count", "2")
                        .build();
                try (Response response =
                        HarnessOkHttp.client(session).newCall(other).execute()) {
                    assertThat(response.body().string())
                            .as("other credentials and telemetry: the same key")
                            .isEqualTo("{\"ok\":true}");
                }
            }
        }
    }

    /** Every recording file's text, concatenated. */
    private record Stream(Path root) implements AutoCloseable {
        String text() throws IOException {
            StringBuilder all = new StringBuilder();
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.append(Files.readString(file));
                }
            }
            return all.toString();
        }

        @Override
        public void close() {}
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {
        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Mode.class,
                names = {"RECORD", "LIVE"})
        @DisplayName("passes each event through as it arrives: okhttp-sse sees event 1 before upstream sends event 2")
        void passesThrough(Mode mode) throws Exception {
            CountDownLatch sawFirst = new CountDownLatch(1);
            AtomicBoolean releasedByClient = new AtomicBoolean();
            try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                        exchange.sendResponseHeaders(200, 0);
                        OutputStream out = exchange.getResponseBody();
                        out.write("data: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        releasedByClient.set(sawFirst.await(10, TimeUnit.SECONDS)); // the client must see event 1 first
                        out.write("data: {\"n\":2}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                        out.close();
                    });
                    HarnessSession session = Sessions.open(recordings, mode)) {
                List<String> events = new CopyOnWriteArrayList<>();
                CompletableFuture<Void> closed = new CompletableFuture<>();
                EventSources.createFactory(HarnessOkHttp.client(session))
                        .newEventSource(post(upstream.url() + "/v1/chat"), new EventSourceListener() {
                            @Override
                            public void onEvent(EventSource source, String id, String type, String data) {
                                events.add(data);
                                sawFirst.countDown();
                            }

                            @Override
                            public void onClosed(EventSource source) {
                                closed.complete(null);
                            }

                            @Override
                            public void onFailure(EventSource source, Throwable t, Response response) {
                                closed.completeExceptionally(
                                        t == null ? new AssertionError(String.valueOf(response)) : t);
                            }
                        });
                closed.get(20, TimeUnit.SECONDS);

                assertThat(releasedByClient)
                        .as("event 1 reached the listener while upstream held event 2")
                        .isTrue();
                assertThat(events).containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
            }
            if (mode == Mode.RECORD) {
                try (HarnessSession replay = Sessions.open(recordings, Mode.REPLAY);
                        Response response = HarnessOkHttp.client(replay)
                                .newCall(post("http://127.0.0.1:9/v1/chat"))
                                .execute()) {
                    assertThat(response.body().string())
                            .as("recorded chunk by chunk, replayed whole")
                            .isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n");
                }
            }
        }
    }
}
