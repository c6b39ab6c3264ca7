package dev.replayharness.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.RecordingStore;
import dev.replayharness.benchmarks.fixtures.StreamExchange;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.langchain4j.HarnessLangChain4j;
import dev.replayharness.spring.HarnessWebClient;

/**
 * Replay of {@link StreamingReplayBenchmark}'s {@value StreamExchange#EVENTS}-event stream at the LangChain4j
 * and Spring {@code WebClient} seams, beside {@code java.net.http}: a fresh session per exchange, read to the
 * end as each client's streaming caller does. {@code jdk} reads the body stream; {@code langchain4j} parses it
 * into events with LangChain4j's own parser on the harness's replay thread and waits for {@code onClose};
 * {@code springWebClient} decodes it into server-sent events with {@code bodyToFlux(String.class)}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AdapterStreamingReplayBenchmark {
    private static final URI URI_NEVER_CALLED = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);

    private Path root;
    private Harness harness;
    private HttpClient jdkDelegate;
    private HttpRequest jdkRequest;
    private dev.langchain4j.http.client.HttpRequest langchain4jRequest;
    private JdkClientHttpConnector webUpstream;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = StreamExchange.store("replay-harness-bench-adapter-stream");
        harness = Harnesses.replay(root, RepeatPolicy.SEQUENCE);
        jdkDelegate = Clients.jdk();
        jdkRequest = Clients.jdkPost(URI_NEVER_CALLED, StreamExchange.requestBytes(), "text/event-stream");
        langchain4jRequest = dev.langchain4j.http.client.HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(URI_NEVER_CALLED.toString())
                .addHeader("Content-Type", "application/json")
                .body(StreamExchange.requestJson())
                .build();
        webUpstream = new JdkClientHttpConnector(jdkDelegate);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        RecordingStore.deleteRecursively(root);
    }

    @Benchmark
    public long jdk() throws IOException, InterruptedException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            HttpResponse<InputStream> response =
                    JdkHarness.wrap(jdkDelegate, session).send(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
            return StreamingReplayBenchmark.drain(response.body());
        }
    }

    /** @return the number of events LangChain4j's parser delivered */
    @Benchmark
    public long langchain4j() throws InterruptedException, ExecutionException, TimeoutException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            AtomicLong events = new AtomicLong();
            CompletableFuture<Long> closed = new CompletableFuture<>();
            HarnessLangChain4j.builder(session, new AdapterReplayBenchmark.NeverCalled())
                    .build()
                    .execute(langchain4jRequest, new ServerSentEventListener() {
                        @Override
                        public void onEvent(ServerSentEvent event) {
                            events.incrementAndGet();
                        }

                        @Override
                        public void onError(Throwable error) {
                            closed.completeExceptionally(error);
                        }

                        @Override
                        public void onClose() {
                            closed.complete(events.get());
                        }
                    });
            return closed.get(10, TimeUnit.SECONDS);
        }
    }

    /** @return the number of events WebClient decoded */
    @Benchmark
    public long springWebClient() {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            return HarnessWebClient.wire(WebClient.builder(), session, webUpstream)
                    .build()
                    .post()
                    .uri(URI_NEVER_CALLED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(StreamExchange.requestJson())
                    .retrieve()
                    .bodyToFlux(String.class)
                    .count()
                    .block(Duration.ofSeconds(10));
        }
    }
}
