package dev.replayharness.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
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

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.FirstChunkSamples;
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.SessionSwitch;
import dev.replayharness.benchmarks.fixtures.SseUpstream;
import dev.replayharness.benchmarks.fixtures.StreamExchange;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * Record-mode passthrough of a {@value StreamExchange#EVENTS}-event stream from a loopback upstream,
 * against the bare client. The JMH score is the whole exchange (request to last chunk, plus writing the
 * recording when the session closes); {@link FirstChunkSamples} prints, per benchmark, the delay from the
 * upstream handing its first chunk to the socket to the caller's first read returning it, and from the
 * request to that read. A fresh session per exchange. The {@code …Normalized} variants record with the
 * OpenAI-compatible response normalizer, so the caller gets each event as replay renders it (parsed,
 * normalized, re-rendered) rather than upstream's bytes: their first chunk against the plain record ones is
 * what delivering the normalized response costs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@State(Scope.Benchmark)
public class FirstChunkBenchmark {
    private SseUpstream upstream;
    private URI uri;
    private Path root;
    private Harness harness;
    private Harness normalizing;
    private SessionSwitch normalizingSwitch;
    private CloseableHttpClient normalizingApache;
    private HttpClient jdkClient;
    private HttpRequest jdkRequest;
    private CloseableHttpClient bareApache;
    private SessionSwitch apacheSwitch;
    private CloseableHttpClient harnessApache;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        upstream = new SseUpstream();
        uri = upstream.uri(ChatExchange.PATH);
        root = Files.createTempDirectory("replay-harness-bench-record");
        harness = Harnesses.record(root);
        normalizing = Harnesses.recordNormalized(root);
        jdkClient = Clients.jdk();
        jdkRequest = Clients.jdkPost(uri, StreamExchange.requestBytes(), "text/event-stream");
        bareApache = HttpClients.createDefault();
        apacheSwitch = new SessionSwitch();
        harnessApache = apacheSwitch.client();
        normalizingSwitch = new SessionSwitch();
        normalizingApache = normalizingSwitch.client();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        bareApache.close();
        harnessApache.close();
        normalizingApache.close();
        upstream.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long bareJdk(FirstChunkSamples samples) throws IOException, InterruptedException {
        return jdk(jdkClient, samples);
    }

    @Benchmark
    public long recordJdk(FirstChunkSamples samples) throws IOException, InterruptedException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            return jdk(JdkHarness.wrap(jdkClient, session), samples);
        }
    }

    @Benchmark
    public long bareApache(FirstChunkSamples samples) throws IOException {
        return apache(bareApache, samples);
    }

    @Benchmark
    public long recordApache(FirstChunkSamples samples) throws IOException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            apacheSwitch.use(session);
            return apache(harnessApache, samples);
        }
    }

    @Benchmark
    public long recordJdkNormalized(FirstChunkSamples samples) throws IOException, InterruptedException {
        try (HarnessSession session = normalizing.session(StreamExchange.TEST_ID)) {
            return jdk(JdkHarness.wrap(jdkClient, session), samples);
        }
    }

    @Benchmark
    public long recordApacheNormalized(FirstChunkSamples samples) throws IOException {
        try (HarnessSession session = normalizing.session(StreamExchange.TEST_ID)) {
            normalizingSwitch.use(session);
            return apache(normalizingApache, samples);
        }
    }

    private long jdk(HttpClient client, FirstChunkSamples samples) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
        return readStream(response.body(), start, samples);
    }

    private long apache(CloseableHttpClient client, FirstChunkSamples samples) throws IOException {
        long start = System.nanoTime();
        return client.execute(
                Clients.apachePost(uri, StreamExchange.requestBytes(), "text/event-stream"),
                response -> readStream(response.getEntity().getContent(), start, samples));
    }

    /** Times the first read, then reads the rest as a streaming caller would. */
    private long readStream(InputStream body, long start, FirstChunkSamples samples) {
        byte[] buffer = new byte[8192];
        try (body) {
            long total = body.read(buffer);
            long received = System.nanoTime();
            long sent = upstream.firstChunkSentNanos();
            if (total <= 0 || sent < start) {
                throw new IllegalStateException("no first chunk from this exchange");
            }
            samples.add(received - sent, received - start);
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
