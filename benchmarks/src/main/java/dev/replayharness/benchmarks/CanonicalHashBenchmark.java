package dev.replayharness.benchmarks;

import java.util.List;
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

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.JsonBodies;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordingKey;

/**
 * The key of a request with a 1 KiB, 100 KiB or 10 MiB JSON body (already parsed, as replay and record
 * have it): RFC 8785 canonical form plus SHA-256, for two kinds of text. Throughput in MiB/s = body bytes /
 * time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CanonicalHashBenchmark {
    /** Body size in bytes: 1 KiB, 100 KiB, 10 MiB. */
    @Param({"1024", "102400", "10485760"})
    public int bodyBytes;

    /** {@link JsonBodies.Text}: MIXED (most strings hold non-Latin-1 characters) or ENGLISH (ASCII). */
    @Param({"MIXED", "ENGLISH"})
    public String text;

    private Body.Json body;

    @Setup(Level.Trial)
    public void setUp() {
        body = JsonBodies.parsed(JsonBodies.ofSize(bodyBytes, JsonBodies.Text.valueOf(text)));
    }

    @Benchmark
    public RecordingKey key() {
        return CanonicalRequest.of("POST", ChatExchange.PATH, null, body, List.of(), ChatExchange.TEST_ID)
                .key();
    }
}
