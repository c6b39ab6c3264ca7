package dev.replayharness.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.RecordingStore;
import dev.replayharness.benchmarks.fixtures.SessionSwitch;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;

/**
 * In-process replay of one ~2 KB chat completion, with 10, 1,000 or 10,000 recordings in the store.
 *
 * <ul>
 * <li>{@code floor}: what replay cannot avoid: canonical form + SHA-256 of the recorded request, then
 *     read and parse that one file. No adapter, no session.
 * <li>{@code jdk}, {@code apache}: a fresh session per exchange (one per test, as the JUnit extension
 *     does), through {@code java.net.http} and Apache classic. The Apache client is built once and
 *     switched to each new session; {@code apacheNewClient} also builds and closes a client each time.
 *     These use the replay cache (the default): after the first exchange the recording is served from
 *     memory, checked by one stat per exchange.
 * <li>{@code jdkUncached}, {@code apacheUncached}: the same with {@code replayCache(false)}: the file is
 *     read, parsed and checked against the request every exchange, as the first replay of a file in a JVM costs.
 * <li>{@code apacheClientOnly}: no harness at all: the same Apache client and request, answered by an exec
 *     handler first in the chain that returns the recorded response bytes. What Apache classic itself costs
 *     per exchange, which the {@code apache} columns include.
 * <li>{@code jdkSessionReuseLast}: one long session with {@link RepeatPolicy#REUSE_LAST}, so every
 *     exchange after the first misses {@code <key>-<n>.json} (test-scoped and shared) before reusing.
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
public class ReplayBenchmark {
    private static final URI URI_NEVER_CALLED = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);

    @Param({"10", "1000", "10000"})
    public int recordings;

    private Harness harness;
    private Harness uncachedHarness;
    private Harness reuseLastHarness;
    private HarnessSession longSession;
    private dev.replayharness.core.store.RecordingStore store;
    private RecordedRequest recordedRequest;
    private HttpClient jdkDelegate;
    private HttpRequest jdkRequest;
    private byte[] requestBody;
    private SessionSwitch apacheSwitch;
    private CloseableHttpClient apacheClient;
    private CloseableHttpClient constantClient;

    @Setup(Level.Trial)
    public void setUp() {
        Path root = RecordingStore.ensure(recordings);
        harness = Harnesses.replay(root, RepeatPolicy.SEQUENCE);
        reuseLastHarness = Harnesses.replay(root, RepeatPolicy.REUSE_LAST);
        uncachedHarness = Harnesses.replayUncached(root);
        store = harness.store();
        recordedRequest = ChatExchange.recording(0).request();
        requestBody = ChatExchange.requestBytes(0);
        jdkDelegate = Clients.jdk();
        jdkRequest = Clients.jdkPost(URI_NEVER_CALLED, requestBody, "application/json");
        apacheSwitch = new SessionSwitch();
        apacheClient = apacheSwitch.client();
        byte[] responseBody = ChatExchange.responseJson(0).getBytes(StandardCharsets.UTF_8);
        constantClient = HttpClients.custom()
                .addExecInterceptorFirst("constant", (request, scope, chain) -> {
                    EntityUtils.consume(request.getEntity());
                    BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
                    response.setEntity(new ByteArrayEntity(responseBody, ContentType.APPLICATION_JSON));
                    return response;
                })
                .build();
    }

    @Setup(Level.Iteration)
    public void newLongSession() {
        longSession = reuseLastHarness.session(ChatExchange.TEST_ID); // bounded: its use log grows per exchange
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        apacheClient.close();
        constantClient.close();
    }

    @Benchmark
    public Recording floor() {
        return RecordingsFolder.read(store.locate(
                CanonicalRequest.of(recordedRequest, ChatExchange.TEST_ID).key(), 1));
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
    public byte[] apache() {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID)) {
            apacheSwitch.use(session);
            return Clients.execute(apacheClient, Clients.apachePost(URI_NEVER_CALLED, requestBody, "application/json"));
        }
    }

    @Benchmark
    public byte[] jdkUncached() throws IOException, InterruptedException {
        try (HarnessSession session = uncachedHarness.session(ChatExchange.TEST_ID)) {
            return JdkHarness.wrap(jdkDelegate, session)
                    .send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }

    @Benchmark
    public byte[] apacheUncached() {
        try (HarnessSession session = uncachedHarness.session(ChatExchange.TEST_ID)) {
            apacheSwitch.use(session);
            return Clients.execute(apacheClient, Clients.apachePost(URI_NEVER_CALLED, requestBody, "application/json"));
        }
    }

    @Benchmark
    public byte[] apacheClientOnly() {
        return Clients.execute(constantClient, Clients.apachePost(URI_NEVER_CALLED, requestBody, "application/json"));
    }

    @Benchmark
    public byte[] apacheNewClient() throws IOException {
        try (HarnessSession session = harness.session(ChatExchange.TEST_ID);
                CloseableHttpClient client =
                        ApacheHarness.wire(HttpClients.custom(), session).build()) {
            return Clients.execute(client, Clients.apachePost(URI_NEVER_CALLED, requestBody, "application/json"));
        }
    }

    @Benchmark
    public byte[] jdkSessionReuseLast() throws IOException, InterruptedException {
        return JdkHarness.wrap(jdkDelegate, longSession)
                .send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }
}
