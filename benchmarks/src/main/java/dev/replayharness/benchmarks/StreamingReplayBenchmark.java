package dev.replayharness.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
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
import dev.replayharness.benchmarks.fixtures.Harnesses;
import dev.replayharness.benchmarks.fixtures.RecordingStore;
import dev.replayharness.benchmarks.fixtures.SessionSwitch;
import dev.replayharness.benchmarks.fixtures.StreamExchange;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * Replay of a {@value StreamExchange#EVENTS}-event server-sent-event recording, read to the end as a
 * stream, with a fresh session per exchange. Chunks per second = {@value StreamExchange#EVENTS} / time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StreamingReplayBenchmark {
    private static final URI URI_NEVER_CALLED = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);

    private Path root;
    private Harness harness;
    private HttpClient jdkDelegate;
    private HttpRequest jdkRequest;
    private SessionSwitch apacheSwitch;
    private CloseableHttpClient apacheClient;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = StreamExchange.store("replay-harness-bench-stream");
        harness = Harnesses.replay(root, RepeatPolicy.SEQUENCE);
        jdkDelegate = Clients.jdk();
        jdkRequest = Clients.jdkPost(URI_NEVER_CALLED, StreamExchange.requestBytes(), "text/event-stream");
        apacheSwitch = new SessionSwitch();
        apacheClient = apacheSwitch.client();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        apacheClient.close();
        RecordingStore.deleteRecursively(root);
    }

    @Benchmark
    public long jdk() throws IOException, InterruptedException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            HttpResponse<InputStream> response =
                    JdkHarness.wrap(jdkDelegate, session).send(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
            return drain(response.body());
        }
    }

    @Benchmark
    public long apache() throws IOException {
        try (HarnessSession session = harness.session(StreamExchange.TEST_ID)) {
            apacheSwitch.use(session);
            ClassicHttpRequest request =
                    Clients.apachePost(URI_NEVER_CALLED, StreamExchange.requestBytes(), "text/event-stream");
            return apacheClient.execute(
                    request, response -> drain(response.getEntity().getContent()));
        }
    }

    /** Reads as a streaming caller does, a buffer at a time. */
    static long drain(InputStream in) {
        byte[] buffer = new byte[8192];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
