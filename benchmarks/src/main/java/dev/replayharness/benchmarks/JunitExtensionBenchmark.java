package dev.replayharness.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

import dev.replayharness.benchmarks.junit.JunitFixtures;
import dev.replayharness.benchmarks.junit.JunitRun;

/**
 * The JUnit extension's own cost per {@code @Recorded} test: one operation is one run, through the JUnit Platform
 * Launcher (one launcher per trial), of a parameterized test class with {@code tests} invocations
 * ({@link JunitFixtures}). The extension's cost per test is {@code (recordedIdle - plain) / tests}; with one
 * replayed exchange per test (from the replay cache after the first run, as in an IDE re-run),
 * {@code (recordedReplay - plain) / tests}. The comparison report prints both.
 *
 * <ul>
 * <li>{@code plain}: the test without the extension.
 * <li>{@code recordedSession}: with {@code @Recorded} and only the injected {@code HarnessSession}: no client.
 * <li>{@code recordedIdle}: with {@code @Recorded} and an injected {@code java.net.http} client, no exchange.
 * <li>{@code recordedReplay}: with {@code @Recorded}, one replayed exchange per test.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class JunitExtensionBenchmark {
    @Param({"300"})
    public int tests;

    private JunitRun run;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path root = JunitRun.ensureStore(
                Path.of(System.getProperty("java.io.tmpdir"), "replay-harness-bench", "junit-" + tests), tests);
        JunitFixtures.count = tests;
        run = new JunitRun(root, Files.createTempDirectory("junit-bench-report").resolve("harness-report.json"));
    }

    @Benchmark
    public long plain() {
        return run.run(JunitFixtures.Plain.class, "replay");
    }

    @Benchmark
    public long recordedSession() {
        return run.run(JunitFixtures.RecordedSession.class, "replay");
    }

    @Benchmark
    public long recordedIdle() {
        return run.run(JunitFixtures.RecordedIdle.class, "replay");
    }

    @Benchmark
    public long recordedReplay() {
        return run.run(JunitFixtures.RecordedReplay.class, "replay");
    }
}
