package dev.replayharness.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.Interceptor;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import dev.replayharness.anthropicsdk.HarnessAnthropic;
import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.MessagesExchange;
import dev.replayharness.benchmarks.fixtures.RecordingStore;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.okhttp.HarnessOkHttp;

/**
 * Replay cost per exchange at the client seams of issue 15, beside the {@code java.net.http} adapter's in the
 * same run: one ~2 KB answer, a fresh session per exchange (one per test, as the JUnit extension does), from
 * the replay cache after the first exchange.
 *
 * <ul>
 * <li>{@code jdk}: {@link ReplayBenchmark#jdk}'s exchange, repeated here so the ratios come from one run.
 * <li>{@code okhttp}: the same chat-completion request through an {@code OkHttpClient} with the harness
 *     interceptor ({@code base.newBuilder().addInterceptor(…)} per session, sharing the base client's pools);
 *     {@code okhttpNoHarness}: the same client and request answered by a constant interceptor, what OkHttp
 *     itself costs.
 * <li>{@code anthropicSdk}: {@code client.messages().create(…)} through the Anthropic Java SDK's own OkHttp
 *     client with {@link HarnessAnthropic#interceptor} (the client is built once; an interceptor hands each
 *     exchange to the current session), so it includes the SDK's serialization, retry loop and parsing into a
 *     typed {@code Message}; {@code anthropicSdkNoHarness}: the same call answered by a constant interceptor.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ClientSeamReplayBenchmark {
    private static final String NEVER_CALLED = "http://127.0.0.1:9";

    private Harness chatHarness;
    private Harness messagesHarness;
    private HttpClient jdkDelegate;
    private HttpRequest jdkRequest;
    private byte[] requestBody;
    private OkHttpClient okhttpBase;
    private OkHttpClient okhttpConstant;
    private volatile HarnessSession current;
    private AnthropicClient anthropic;
    private AnthropicClient anthropicConstant;
    private MessageCreateParams params;

    @Setup(Level.Trial)
    public void setUp() {
        chatHarness = Harnesses.replay(RecordingStore.ensure(10), RepeatPolicy.SEQUENCE);
        Path messages = MessagesExchange.store();
        messagesHarness = Harnesses.replay(messages, RepeatPolicy.SEQUENCE);
        requestBody = ChatExchange.requestBytes(0);
        jdkDelegate = Clients.jdk();
        jdkRequest = Clients.jdkPost(URI.create(NEVER_CALLED + ChatExchange.PATH), requestBody, "application/json");
        okhttpBase = new OkHttpClient();
        byte[] chatAnswer = ChatExchange.responseJson(0).getBytes(StandardCharsets.UTF_8);
        okhttpConstant = okhttpBase
                .newBuilder()
                .addInterceptor(chain -> new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(chatAnswer, MediaType.get("application/json")))
                        .build())
                .build();
        anthropic = anthropicClient(next -> new SessionSwitch(next));
        byte[] messageAnswer = MessagesExchange.responseJson().getBytes(StandardCharsets.UTF_8);
        anthropicConstant = anthropicClient(next -> new ConstantTransport(messageAnswer));
        params = MessageCreateParams.builder()
                .model(MessagesExchange.MODEL)
                .maxTokens(MessagesExchange.MAX_TOKENS)
                .addUserMessage(MessagesExchange.QUESTION)
                .build();
    }

    private static AnthropicClient anthropicClient(Interceptor interceptor) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(NEVER_CALLED + "/anthropic")
                .authToken("benchmark-key")
                .addInterceptor(interceptor)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        anthropic.close();
        anthropicConstant.close();
        okhttpBase.dispatcher().executorService().shutdown();
    }

    private Request okhttpRequest() {
        return new Request.Builder()
                .url(NEVER_CALLED + ChatExchange.PATH)
                .header("accept", "application/json")
                .post(RequestBody.create(requestBody, MediaType.get("application/json")))
                .build();
    }

    @Benchmark
    public byte[] jdk() throws IOException, InterruptedException {
        try (HarnessSession session = chatHarness.session(ChatExchange.TEST_ID)) {
            return JdkHarness.wrap(jdkDelegate, session)
                    .send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }

    @Benchmark
    public byte[] okhttp() throws IOException {
        try (HarnessSession session = chatHarness.session(ChatExchange.TEST_ID);
                Response response = HarnessOkHttp.wire(okhttpBase.newBuilder(), session)
                        .build()
                        .newCall(okhttpRequest())
                        .execute()) {
            return response.body().bytes();
        }
    }

    @Benchmark
    public byte[] okhttpNoHarness() throws IOException {
        try (Response response = okhttpConstant.newCall(okhttpRequest()).execute()) {
            return response.body().bytes();
        }
    }

    @Benchmark
    public Message anthropicSdk() {
        try (HarnessSession session = messagesHarness.session(ChatExchange.TEST_ID)) {
            current = session;
            return anthropic.messages().create(params);
        }
    }

    @Benchmark
    public Message anthropicSdkNoHarness() {
        return anthropicConstant.messages().create(params);
    }

    /** Hands each exchange to the harness transport of the current session (the client is built once). */
    private final class SessionSwitch implements com.anthropic.core.http.HttpClient {
        private final com.anthropic.core.http.HttpClient next;

        SessionSwitch(com.anthropic.core.http.HttpClient next) {
            this.next = next;
        }

        @Override
        public com.anthropic.core.http.HttpResponse execute(
                com.anthropic.core.http.HttpRequest request, RequestOptions options) {
            return HarnessAnthropic.interceptor(current).intercept(next).execute(request, options);
        }

        @Override
        public CompletableFuture<com.anthropic.core.http.HttpResponse> executeAsync(
                com.anthropic.core.http.HttpRequest request, RequestOptions options) {
            return HarnessAnthropic.interceptor(current).intercept(next).executeAsync(request, options);
        }

        @Override
        public void close() {
            next.close();
        }
    }

    /** An SDK transport that answers every request with the same message, sending nothing. */
    private static final class ConstantTransport implements com.anthropic.core.http.HttpClient {
        private final byte[] body;

        ConstantTransport(byte[] body) {
            this.body = body;
        }

        @Override
        public com.anthropic.core.http.HttpResponse execute(
                com.anthropic.core.http.HttpRequest request, RequestOptions options) {
            return new com.anthropic.core.http.HttpResponse() {
                private final InputStream stream = new ByteArrayInputStream(body);

                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public Headers headers() {
                    return Headers.builder()
                            .put("content-type", "application/json")
                            .build();
                }

                @Override
                public InputStream body() {
                    return stream;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public CompletableFuture<com.anthropic.core.http.HttpResponse> executeAsync(
                com.anthropic.core.http.HttpRequest request, RequestOptions options) {
            return CompletableFuture.completedFuture(execute(request, options));
        }

        @Override
        public void close() {}
    }
}
