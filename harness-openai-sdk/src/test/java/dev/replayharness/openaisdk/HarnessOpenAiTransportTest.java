package dev.replayharness.openaisdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.LoopbackServer;

/** {@link HarnessOpenAiTransport} against real servers on 127.0.0.1: what goes out, what comes back, what fails how. */
@DisplayName("HarnessOpenAiTransport")
class HarnessOpenAiTransportTest {
    private static final String API_KEY = "sk-canary-OpenAiSdkTransport-7f3e9a1c5b2d"; // canary
    private static final String MODEL = SdkUpstream.MODEL;

    private static Harness harness(Path recordings, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("sdk")
                .mode(mode)
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build();
    }

    private static OpenAIClient sdk(HarnessOpenAiTransport transport, String baseUrl) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(transport)
                .baseUrl(baseUrl)
                .apiKey(API_KEY)
                .build());
    }

    private static ChatCompletionCreateParams ask(String question) {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage(question)
                .build();
    }

    /** A body the SDK could send: only {@link #writeTo} works, so the transport must stream through it. */
    private static final class WrittenBody implements HttpRequestBody {
        final byte[] bytes;
        final long declaredLength;
        final AtomicBoolean closed = new AtomicBoolean();

        WrittenBody(byte[] bytes, boolean lengthKnown) {
            this.bytes = bytes;
            this.declaredLength = lengthKnown ? bytes.length : -1;
        }

        @Override
        public void writeTo(OutputStream out) {
            try {
                for (int i = 0; i < bytes.length; i += 1000) { // small writes, as a serializer makes them
                    out.write(bytes, i, Math.min(1000, bytes.length - i));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public InputStream content() {
            throw new AssertionError("the transport must stream the body with writeTo, not buffer it with content()");
        }

        @Override
        public String contentType() {
            return "application/octet-stream";
        }

        @Override
        public long contentLength() {
            return declaredLength;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** What a loopback server saw. */
    private record Seen(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {}

    private static LoopbackServer recordingServer(
            AtomicReference<Seen> seen, int status, Map<String, String> headers, String body) {
        return LoopbackServer.start(exchange -> {
            seen.set(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            headers.forEach(exchange.getResponseHeaders()::add);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    @Nested
    @DisplayName("requests")
    class Requests {
        @ParameterizedTest(name = "content length known: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName(
                "method, encoded URL, headers and a 100 KB body written with writeTo all arrive as the SDK built them")
        void sendsTheRequestAsBuilt(boolean lengthKnown) throws Exception {
            AtomicReference<Seen> seen = new AtomicReference<>();
            byte[] payload = new byte[100_000];
            Arrays.fill(payload, (byte) 'x');
            payload[payload.length - 1] = 'y';
            WrittenBody body = new WrittenBody(payload, lengthKnown);
            try (LoopbackServer server = recordingServer(seen, 200, Map.of(), "{}");
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                HttpRequest request = HttpRequest.builder()
                        .method(HttpMethod.PUT)
                        .baseUrl(server.url() + "/v1/")
                        .addPathSegments("files", "a b/c+d", "ü", "..")
                        .putQueryParam("q", "x y&z=1+2")
                        .putQueryParams("multi", List.of("1", "2"))
                        .putHeader("X-Custom", "one")
                        .putHeader("X-Custom", "two")
                        .putHeader("Authorization", "Bearer " + API_KEY)
                        .body(body)
                        .build();

                try (HttpResponse response = transport.execute(request, RequestOptions.none())) {
                    assertThat(response.statusCode()).isEqualTo(200);
                }
            }
            Seen request = seen.get();
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.rawPath())
                    .as("each segment one segment: no '+' for space, '/' and '..' kept literal")
                    .isEqualTo("/v1/files/a%20b%2Fc%2Bd/%C3%BC/%2E%2E");
            assertThat(request.rawQuery()).isEqualTo("q=x%20y%26z%3D1%2B2&multi=1&multi=2");
            assertThat(request.headers().get("X-custom")).containsExactly("one", "two");
            assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + API_KEY);
            assertThat(request.headers().get("Content-type")).containsExactly("application/octet-stream");
            assertThat(request.body()).isEqualTo(payload);
            assertThat(body.closed)
                    .as("the request body is closed once the attempt is over")
                    .isTrue();
        }

        @Test
        @DisplayName("a Content-Type header wins over the body's content type, and is sent once")
        void contentTypeHeaderWins() throws Exception {
            AtomicReference<Seen> seen = new AtomicReference<>();
            try (LoopbackServer server = recordingServer(seen, 200, Map.of(), "{}");
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                transport
                        .execute(HttpRequest.builder()
                                .method(HttpMethod.POST)
                                .baseUrl(server.url())
                                .addPathSegment("x")
                                .putHeader("Content-Type", "application/json; charset=utf-8")
                                .body(new WrittenBody("{}".getBytes(StandardCharsets.UTF_8), true))
                                .build())
                        .close();
            }
            assertThat(seen.get().headers().get("Content-type")).containsExactly("application/json; charset=utf-8");
        }

        @Test
        @DisplayName("a base URL that is not an absolute http(s) URL fails naming it and the fix, before any request")
        void badBaseUrl() {
            try (HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                assertThatThrownBy(() -> transport.execute(HttpRequest.builder()
                                .method(HttpMethod.GET)
                                .baseUrl("localhost:8080/v1")
                                .addPathSegment("models")
                                .build()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'localhost:8080/v1'")
                        .hasMessageContaining("ClientOptions.Builder.baseUrl");
            }
        }
    }

    @Nested
    @DisplayName("responses")
    class Responses {
        @Test
        @DisplayName("status, headers (case-insensitive, request id included) and body reach the SDK")
        void statusHeadersBody() throws Exception {
            AtomicReference<Seen> seen = new AtomicReference<>();
            try (LoopbackServer server = recordingServer(seen, 201, Map.of("X-Request-Id", "req-42"), "created");
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient());
                    HttpResponse response = transport.execute(HttpRequest.builder()
                            .method(HttpMethod.GET)
                            .baseUrl(server.url())
                            .addPathSegment("thing")
                            .build())) {
                assertThat(response.statusCode()).isEqualTo(201);
                assertThat(response.headers().values("x-request-id")).containsExactly("req-42");
                assertThat(response.requestId()).contains("req-42");
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("created");
            }
            assertThat(seen.get().body()).isEmpty();
        }

        @ParameterizedTest(name = "harness mode {0}")
        @EnumSource(
                value = Mode.class,
                names = {"RECORD", "LIVE"})
        @DisplayName("createStreaming hands out the first chunk before the server sends the rest")
        void streamsChunkByChunk(Mode mode, @TempDir Path recordings) throws Exception {
            CountDownLatch firstChunkSeen = new CountDownLatch(1);
            AtomicBoolean seenBeforeRest = new AtomicBoolean();
            String first = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
                    + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Sol\"},\"finish_reason\":null}]}";
            String last = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
                    + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" invictus\"},\"finish_reason\":\"stop\"}]}";
            List<String> deltas = new ArrayList<>();
            Harness harness = harness(recordings, mode);
            try (LoopbackServer server = LoopbackServer.start(exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                        exchange.sendResponseHeaders(200, 0);
                        OutputStream out = exchange.getResponseBody();
                        out.write(("data: " + first + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        // Not a timing assertion: the bound only keeps a broken transport from hanging the build.
                        seenBeforeRest.set(firstChunkSeen.await(30, TimeUnit.SECONDS));
                        out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
                    });
                    HarnessSession session = harness.session("Streaming#chunks")) {
                OpenAIClient openai = sdk(HarnessOpenAiTransport.of(session), server.url() + "/v1");
                try (StreamResponse<ChatCompletionChunk> stream =
                        openai.chat().completions().createStreaming(ask("Sun?"))) {
                    stream.stream().forEach(chunk -> {
                        chunk.choices().forEach(c -> c.delta().content().ifPresent(deltas::add));
                        firstChunkSeen.countDown();
                    });
                }
                openai.close();
            }
            assertThat(seenBeforeRest)
                    .as("the SDK saw the first chunk while the server held back the rest")
                    .isTrue();
            assertThat(deltas).containsExactly("Sol", " invictus");
            try (Stream<Path> files = Files.list(recordings.resolve("sdk")).filter(Files::isRegularFile)) {
                List<Path> written = files.toList();
                if (mode == Mode.RECORD) {
                    assertThat(written)
                            .singleElement()
                            .satisfies(file -> assertThat(Files.readString(file))
                                    .contains("\"content\": \"Sol\"")
                                    .contains("\"content\": \" invictus\"")
                                    .contains("\"[DONE]\""));
                } else {
                    assertThat(written).isEmpty();
                }
            } catch (java.nio.file.NoSuchFileException noNamespaceFolder) {
                assertThat(mode).isEqualTo(Mode.LIVE);
            }
        }
    }

    @Nested
    @DisplayName("timeouts and failures")
    class Failures {
        @Test
        @DisplayName("no response headers within Timeout.request: OpenAIIoException caused by HttpTimeoutException")
        void requestTimeout() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (LoopbackServer server = LoopbackServer.start(exchange -> release.await(30, TimeUnit.SECONDS));
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                RequestOptions options = RequestOptions.builder()
                        .timeout(Timeout.builder()
                                .request(Duration.ofMillis(200))
                                .build())
                        .build();
                assertThatThrownBy(() -> transport.execute(
                                HttpRequest.builder()
                                        .method(HttpMethod.GET)
                                        .baseUrl(server.url())
                                        .addPathSegment("slow")
                                        .build(),
                                options))
                        .isInstanceOf(OpenAIIoException.class)
                        .hasMessageContaining("GET " + server.url() + "/slow timed out")
                        .hasCauseInstanceOf(HttpTimeoutException.class);
            } finally {
                release.countDown();
            }
        }

        @Test
        @DisplayName("the body stalls longer than Timeout.read: the read fails with HttpTimeoutException")
        void readTimeout() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (LoopbackServer server = LoopbackServer.start(exchange -> {
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write("first".getBytes(StandardCharsets.UTF_8));
                        exchange.getResponseBody().flush();
                        release.await(30, TimeUnit.SECONDS);
                    });
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                RequestOptions options = RequestOptions.builder()
                        .timeout(Timeout.builder().read(Duration.ofMillis(200)).build())
                        .build();
                try (HttpResponse response = transport.execute(
                        HttpRequest.builder()
                                .method(HttpMethod.GET)
                                .baseUrl(server.url())
                                .addPathSegment("stall")
                                .build(),
                        options)) {
                    InputStream body = response.body();
                    byte[] buffer = new byte[100];
                    assertThat(new String(buffer, 0, body.read(buffer), StandardCharsets.UTF_8))
                            .isEqualTo("first");
                    assertThatThrownBy(() -> body.read(buffer))
                            .isInstanceOf(HttpTimeoutException.class)
                            .hasMessageContaining("read timeout")
                            .hasMessageContaining("Timeout.read");
                }
            } finally {
                release.countDown();
            }
        }

        @Test
        @DisplayName(
                "a refused connection is the SDK's OpenAIIoException (which the SDK retries), caused by ConnectException")
        void connectionRefused() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            try (HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient())) {
                assertThatThrownBy(() -> transport.execute(HttpRequest.builder()
                                .method(HttpMethod.GET)
                                .baseUrl("http://127.0.0.1:" + port)
                                .addPathSegment("x")
                                .build()))
                        .isInstanceOf(OpenAIIoException.class)
                        .hasCauseInstanceOf(ConnectException.class)
                        .hasMessageContaining("GET http://127.0.0.1:" + port + "/x failed");
            }
        }

        @Test
        @DisplayName("a closed transport (the SDK client was closed) refuses new requests, saying why")
        void closed() throws Exception {
            HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(HttpClient.newHttpClient());
            sdk(transport, "http://127.0.0.1:9/v1").close();
            assertThat(transport.toString()).endsWith(", closed]");
            assertThatThrownBy(() -> transport.execute(HttpRequest.builder()
                            .method(HttpMethod.GET)
                            .baseUrl("http://127.0.0.1:9")
                            .build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Nested
    @DisplayName("replay misses")
    class Misses {
        @Test
        @DisplayName("a ReplayMissError reaches the test whole, from the first attempt, never retried")
        void missReachesTheTest(@TempDir Path recordings) {
            Harness harness = harness(recordings, Mode.REPLAY);
            try (HarnessSession session = harness.session("Misses#sync")) {
                OpenAIClient openai = sdk(
                        HarnessOpenAiTransport.of(session),
                        "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1");
                assertThatThrownBy(() -> openai.chat().completions().create(ask("Never recorded")))
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("no recording for this request")
                        .hasMessageContaining("/openai/v1/chat/completions")
                        .hasMessageContaining("Never recorded")
                        .hasMessageContaining("record-if-missing")
                        .hasMessageNotContaining(API_KEY);
                assertThat(session.uses())
                        .as("the SDK did not retry it")
                        .singleElement()
                        .extracting(RecordingUse::outcome)
                        .isEqualTo(RecordingUse.Outcome.MISSED);
                openai.close();
            }
        }

        @Test
        @DisplayName("executeAsync: the future fails with the ReplayMissError itself; the SDK's async client too")
        void missAsync(@TempDir Path recordings) throws Exception {
            Harness harness = harness(recordings, Mode.REPLAY);
            try (HarnessSession session = harness.session("Misses#async")) {
                HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(session);
                var future = transport.executeAsync(
                        HttpRequest.builder()
                                .method(HttpMethod.GET)
                                .baseUrl("https://api.example.com/v1")
                                .addPathSegment("models")
                                .build(),
                        RequestOptions.none());
                assertThatThrownBy(future::get)
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("GET /v1/models");

                OpenAIClientAsync async = new OpenAIClientAsyncImpl(ClientOptions.builder()
                        .httpClient(transport)
                        .baseUrl("https://api.example.com/v1")
                        .apiKey(API_KEY)
                        .build());
                assertThatThrownBy(() -> async.chat()
                                .completions()
                                .create(ask("Never recorded either"))
                                .join())
                        .isInstanceOf(CompletionException.class)
                        .cause()
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("Never recorded either")
                        .hasMessageNotContaining(API_KEY);
                assertThat(session.uses())
                        .hasSize(2)
                        .extracting(RecordingUse::outcome)
                        .containsOnly(RecordingUse.Outcome.MISSED);
                async.close();
            }
        }
    }

    @Nested
    @DisplayName("recordings")
    class Recordings {
        /** Records a plain call, a stream and a call retried after a 503 through the SDK against the emulator. */
        private void recordConversation(Path recordings) {
            try (BedrockEmulator emulator = BedrockEmulator.start();
                    HarnessSession session = harness(recordings, Mode.RECORD).session("Recordings#conversation")) {
                OpenAIClient openai = sdk(
                        HarnessOpenAiTransport.of(session), emulator.baseUri().toString());
                assertThat(openai.chat()
                                .completions()
                                .create(ask("Which planet do humans live on?"))
                                .choices()
                                .get(0)
                                .message()
                                .content())
                        .hasValueSatisfying(c -> assertThat(c).contains("Earth"));
                try (StreamResponse<ChatCompletionChunk> stream =
                        openai.chat().completions().createStreaming(ask("What's the name of the Sun in latin?"))) {
                    assertThat(stream.stream().count()).isGreaterThan(2);
                }
                emulator.enqueue(ScriptedResponse.unavailable("0"));
                ChatCompletion retried = openai.chat().completions().create(ask("Hello, world!"));
                assertThat(retried.choices()).hasSize(1);
                openai.close();
            }
        }

        private static Map<String, String> files(Path directory) throws IOException {
            try (Stream<Path> files = Files.list(directory)) {
                Map<String, String> contents = new java.util.TreeMap<>();
                for (Path file : files.toList()) {
                    contents.put(file.getFileName().toString(), Files.readString(file));
                }
                return contents;
            }
        }

        @Test
        @DisplayName("the API key reaches no recording, and the SDK's telemetry headers are not recorded")
        void canary(@TempDir Path recordings) throws Exception {
            recordConversation(recordings);

            Map<String, String> files = files(recordings.resolve("sdk"));
            assertThat(files).hasSize(4);
            assertThat(files.values())
                    .allSatisfy(text -> assertThat(text)
                            .doesNotContain(API_KEY)
                            .doesNotContain("canary")
                            .doesNotContainIgnoringCase("x-stainless")
                            .doesNotContainIgnoringCase("user-agent")
                            .doesNotContainIgnoringCase("authorization"));
        }

        @Test
        @DisplayName("recording the same conversation twice writes byte-identical files, whatever the SDK's headers")
        void deterministic(@TempDir Path first, @TempDir Path second) throws Exception {
            recordConversation(first);
            recordConversation(second);

            assertThat(files(second.resolve("sdk"))).isEqualTo(files(first.resolve("sdk")));
        }

        @Test
        @DisplayName("what was recorded through the SDK replays through it with no upstream, the retry included")
        void replays(@TempDir Path recordings) {
            recordConversation(recordings);
            try (HarnessSession session = harness(recordings, Mode.REPLAY).session("Recordings#conversation")) {
                OpenAIClient openai = sdk(HarnessOpenAiTransport.of(session), "http://127.0.0.1:9/openai/v1");
                assertThat(openai.chat()
                                .completions()
                                .create(ask("Which planet do humans live on?"))
                                .choices()
                                .get(0)
                                .message()
                                .content())
                        .hasValueSatisfying(c -> assertThat(c).contains("Earth"));
                StringBuilder deltas = new StringBuilder();
                try (StreamResponse<ChatCompletionChunk> stream =
                        openai.chat().completions().createStreaming(ask("What's the name of the Sun in latin?"))) {
                    stream.stream()
                            .forEach(chunk -> chunk.choices()
                                    .forEach(c -> c.delta().content().ifPresent(deltas::append)));
                }
                assertThat(deltas.toString()).contains("Sol");
                assertThat(openai.chat()
                                .completions()
                                .create(ask("Hello, world!"))
                                .choices()
                                .get(0)
                                .message()
                                .content())
                        .hasValueSatisfying(c -> assertThat(c).contains("Hello"));
                assertThat(session.uses())
                        .hasSize(4)
                        .extracting(RecordingUse::outcome)
                        .containsOnly(RecordingUse.Outcome.REPLAYED);
                openai.close();
            }
        }
    }

    @Test
    @DisplayName("executeAsync answers through the SDK's async client")
    void asyncAnswers() throws Exception {
        try (BedrockEmulator emulator = BedrockEmulator.start()) {
            OpenAIClientAsync async = new OpenAIClientAsyncImpl(ClientOptions.builder()
                    .httpClient(HarnessOpenAiTransport.of(HttpClient.newHttpClient()))
                    .baseUrl(emulator.baseUri().toString())
                    .apiKey(API_KEY)
                    .build());
            ChatCompletion completion = async.chat()
                    .completions()
                    .create(ask("Which planet do humans live on?"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(completion.choices().get(0).message().content())
                    .hasValueSatisfying(c -> assertThat(c).contains("Earth"));
            assertThat(emulator.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).contains("Bearer " + API_KEY));
            async.close();
        }
    }

    @Test
    @DisplayName("toString names the client, never the key")
    void toStringHasNoKey(@TempDir Path recordings) {
        try (HarnessSession session = harness(recordings, Mode.REPLAY).session("T#s")) {
            HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(session);
            sdk(transport, "https://api.example.com/v1");
            assertThat(transport.toString())
                    .startsWith("HarnessOpenAiTransport[HarnessSession[")
                    .doesNotContain(API_KEY);
        }
    }
}
