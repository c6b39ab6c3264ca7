package dev.replayharness.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.MissStore;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * A replay miss with 10, 1,000 or 10,000 recordings of the same endpoint in its namespace: the time from
 * sending (through {@code java.net.http}, in a fresh session as the JUnit extension opens per test) a request
 * that has no recording to catching the {@link ReplayMissError} with its nearest-recordings report. This is
 * what each test that a prompt change breaks costs before it fails. Public API only
 * ({@link Harness}, {@link HarnessSession}, {@link JdkHarness}), so it measures any engine behind it.
 *
 * <ul>
 * <li>{@code warm}: in a warmed JVM, every miss a different request (a new question number), so nothing
 *     computed for one request's report answers the next. Sample mode, milliseconds.
 * <li>{@code cold}: the first miss in a fresh JVM (single shot, one per fork; the harness is built and the
 *     store exists, nothing has been replayed yet): the first test of a run that misses.
 * </ul>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class MissBenchmark {
    private static final URI URI_NEVER_CALLED = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);

    @Param({"10", "1000", "10000"})
    public int recordings;

    private Harness harness;
    private HttpClient delegate;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        setUpAt(MissStore.ensure(recordings));
    }

    void setUpAt(Path root) {
        harness = MissStore.replay(root);
        delegate = Clients.jdk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public ReplayMissError warm(WarmCheck check) {
        return miss(next++);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 5,
            warmups = 1,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g"}) // the warm-up fork records a missing store
    public ReplayMissError cold() {
        return miss(next++);
    }

    ReplayMissError miss(long n) {
        try (HarnessSession session = harness.session(MissStore.testId(0))) {
            JdkHarness.wrap(delegate, session)
                    .send(
                            Clients.jdkPost(URI_NEVER_CALLED, MissStore.missingRequest(n), "application/json"),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (ReplayMissError e) {
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("A request with no recording was answered; the miss store is wrong");
    }

    /**
     * Before the warm trial, checks once that a miss reports nearest recordings: its message names at least one
     * recording file of the namespace (the files it looked for do not exist), so an engine that skipped the
     * search would fail here instead of measuring less work. Not run before {@code cold}, which must start cold.
     */
    @State(Scope.Benchmark)
    public static class WarmCheck {
        @Setup(Level.Trial)
        public void check(MissBenchmark benchmark) throws IOException {
            String message = benchmark.miss(-1).getMessage();
            Path namespace = benchmark.harness.namespaceDirectory();
            Set<String> names;
            try (Stream<Path> files = Files.list(namespace)) {
                names = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
            }
            if (names.stream().noneMatch(message::contains)) {
                throw new IllegalStateException("The miss report names no recording of " + namespace
                        + "; nothing to measure. Message:\n" + message);
            }
        }
    }
}
