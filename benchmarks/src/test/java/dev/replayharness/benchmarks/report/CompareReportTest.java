package dev.replayharness.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The before/after table of compare.sh")
class CompareReportTest {
    @TempDir
    Path directory;

    Path old;
    Path now;

    @BeforeEach
    void sides() throws IOException {
        old = Files.createDirectories(directory.resolve("old"));
        now = Files.createDirectories(directory.resolve("new"));
    }

    @Nested
    @DisplayName("for a benchmark both jars ran")
    class BothSides {
        @Test
        @DisplayName("flags a time more than 10 % worse, with the ratio")
        void flagsWorse() throws IOException {
            result(old, "ReplayBenchmark.jdk", "avgt", "us/op", 10.0);
            result(now, "ReplayBenchmark.jdk", "avgt", "us/op", 12.0);

            assertThat(CompareReport.of(old, now, 0.10))
                    .contains("| ReplayBenchmark.jdk | 10 | us/op | 10.0 | 12.0 | 1.20× | **worse by 20 %** |")
                    .contains("1 worse by more than 10 %");
        }

        @Test
        @DisplayName("does not flag a change within 10 %, nor an improvement")
        void doesNotFlagNoise() throws IOException {
            result(old, "ReplayBenchmark.jdk", "avgt", "us/op", 10.0);
            result(now, "ReplayBenchmark.jdk", "avgt", "us/op", 10.9);
            result(old, "ReplayBenchmark.apache", "avgt", "us/op", 10.0);
            result(now, "ReplayBenchmark.apache", "avgt", "us/op", 5.0);

            assertThat(CompareReport.of(old, now, 0.10))
                    .doesNotContain("**worse")
                    .contains("Nothing worse by more than 10 %");
        }

        @Test
        @DisplayName("counts a throughput as worse when it falls")
        void throughputFalling() throws IOException {
            result(old, "X.ops", "thrpt", "ops/s", 1000.0);
            result(now, "X.ops", "thrpt", "ops/s", 800.0);

            assertThat(CompareReport.of(old, now, 0.10)).contains("**worse by 25 %**");
        }
    }

    @Test
    @DisplayName("shows a dash for a benchmark the old jar does not have, and derives the JUnit cost per test")
    void newOnly() throws IOException {
        result(now, "JunitExtensionBenchmark.plain", "avgt", "ms/op", 30.0);
        result(now, "JunitExtensionBenchmark.recordedIdle", "avgt", "ms/op", 60.0);

        assertThat(CompareReport.of(old, now, 0.10))
                .contains("| JunitExtensionBenchmark.recordedIdle | 10 | ms/op | — | 60.0 |  |  |")
                // (60 - 30) ms / 10 tests = 3 ms = 3,000 µs
                .contains(
                        "| JUnit extension per @Recorded test (recordedIdle - plain) / tests | 10 | us | — | 3,000 |");
    }

    /** One JMH result file (-rf json) with one benchmark, parameter {@code p=10}, in the given mode and unit. */
    private static void result(Path side, String benchmark, String mode, String unit, double score) throws IOException {
        String json = "[{\"benchmark\":\"dev.replayharness.benchmarks." + benchmark + "\",\"mode\":\"" + mode + "\","
                + "\"threads\":1,\"measurementIterations\":5,\"params\":{\"p\":\"10\"},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0.1,\"scoreUnit\":\"" + unit + "\","
                + "\"scorePercentiles\":{}}}]";
        Files.writeString(side.resolve(benchmark + ".json"), json);
    }
}
