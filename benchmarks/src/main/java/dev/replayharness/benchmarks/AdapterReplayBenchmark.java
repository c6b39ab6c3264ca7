package dev.replayharness.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import reactor.core.publisher.Mono;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.RecordingStore;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.langchain4j.HarnessLangChain4j;
import dev.replayharness.spring.HarnessRestClient;
import dev.replayharness.spring.HarnessWebClient;

/**
 * Replay cost per exchange at each adapter, beside the {@code java.net.http} adapter's: the same ~2 KB chat
 * completion as {@link ReplayBenchmark}, a fresh session per exchange (one per test, as the JUnit extension
 * does), the replay cache on. Each client is built once and pointed at the new session (what a test pays to
 * build its client is not replay cost); its own work (LangChain4j's request and response objects, Spring's
 * message converters and codecs, Reactor) is included, as a test pays it.
 *
 * <ul>
 * <li>{@code jdk}: {@code JdkHarness.wrap(…).send}, the reference.
 * <li>{@code langchain4j}: {@code HarnessLangChain4j}'s client, {@code execute(HttpRequest)}.
 * <li>{@code springRestClient}: a {@code RestClient} with the harness interceptor, body read as a {@code String}.
 * <li>{@code springWebClient}: a {@code WebClient} on the harness connector, body as a {@code String}, blocked on.
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
public class AdapterReplayBenchmark {
    private static final URI URI_NEVER_CALLED = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);

    @Param({"10", "10000"})
    public int recordings;

    private Harness harness;
    private HttpClient jdkDelegate;
    private HttpRequest jdkRequest;
    private String requestJson;
    private dev.langchain4j.http.client.HttpRequest langchain4jRequest;
    private HttpClientBuilder langchain4jDelegate;
    /** The session the current exchange's interceptor and connector use. */
    private volatile HarnessSession current;

    private RestClient restClient;
    private WebClient webClient;

    @Setup(Level.Trial)
    public void setUp() {
        harness = Harnesses.replay(RecordingStore.ensure(recordings), RepeatPolicy.SEQUENCE);
        jdkDelegate = Clients.jdk();
        requestJson = ChatExchange.requestJson(0);
        jdkRequest = Clients.jdkPost(URI_NEVER_CALLED, ChatExchange.requestBytes(0), "application/json");
        langchain4jRequest = dev.langchain4j.http.client.HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(URI_NEVER_CALLED.toString())
                .addHeader("Content-Type", "application/json")
                .body(requestJson)
                .build();
        langchain4jDelegate = new NeverCalled();
        restClient = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory(jdkDelegate))
                .requestInterceptor((request, body, execution) ->
                        HarnessRestClient.interceptor(current).intercept(request, body, execution))
                .build();
        ClientHttpConnector upstream = new JdkClientHttpConnector(jdkDelegate);
        webClient = WebClient.builder()
                .clientConnector(new ClientHttpConnector() {
                    @Override
                    public Mono<ClientHttpResponse> connect(
                            org.springframework.http.HttpMethod method,
                            URI uri,
                            Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
                        return HarnessWebClient.connector(current, upstream).connect(method, uri, requestCallback);
                    }
                })
                .filter(HarnessWebClient.harnessErrors())
                .build();
    }

    @Benchmark
    public byte[] jdk() throws IOException, InterruptedException {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID)) {
            return JdkHarness.wrap(jdkDelegate, session)
                    .send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }

    @Benchmark
    public byte[] langchain4j() {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID)) {
            return HarnessLangChain4j.builder(session, langchain4jDelegate)
                    .build()
                    .execute(langchain4jRequest)
                    .bodyBytes();
        }
    }

    @Benchmark
    public byte[] springRestClient() {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID)) {
            current = session;
            return restClient
                    .post()
                    .uri(URI_NEVER_CALLED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(requestJson)
                    .retrieve()
                    .body(String.class)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public byte[] springWebClient() {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID)) {
            current = session;
            return webClient
                    .post()
                    .uri(URI_NEVER_CALLED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(requestJson)
                    .retrieve()
                    .bodyToMono(String.class)
                    .block(Duration.ofSeconds(10))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Replay never calls upstream: a delegate that says so if it ever is. */
    static final class NeverCalled implements HttpClientBuilder {
        @Override
        public Duration connectTimeout() {
            return null;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return null;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public dev.langchain4j.http.client.HttpClient build() {
            return new dev.langchain4j.http.client.HttpClient() {
                @Override
                public dev.langchain4j.http.client.SuccessfulHttpResponse execute(
                        dev.langchain4j.http.client.HttpRequest request) {
                    throw new IllegalStateException("replay called upstream");
                }

                @Override
                public void execute(
                        dev.langchain4j.http.client.HttpRequest request,
                        ServerSentEventParser parser,
                        ServerSentEventListener listener) {
                    throw new IllegalStateException("replay called upstream");
                }
            };
        }
    }
}
