package dev.replayharness.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.benchmarks.fixtures.EventStreamUpstream;

@DisplayName(
        "AwsSdkReplayBenchmark measures replay: the SDK and java.net.http answer from the recordings its setup made")
class AwsSdkReplayBenchmarkTest {

    @Test
    @DisplayName(
            "the SDK delivers all 200 ConverseStream events, Converse answers, and java.net.http reads the same recordings")
    void everyClientReplays() throws Exception {
        AwsSdkReplayBenchmark benchmark = new AwsSdkReplayBenchmark();
        benchmark.setUp();
        try {
            for (int i = 0; i < 3; i++) { // a fresh session each time, on the same SDK clients
                assertThat(benchmark.awsSdkNettyConverseStream()).isEqualTo(AwsSdkReplayBenchmark.FRAMES);
                assertThat(benchmark.awsSdkApacheConverse()).isEqualTo("Humans live on Earth.".length());
            }
            assertThat(benchmark.awsSdkConverseStreamNoHarness()).isEqualTo(AwsSdkReplayBenchmark.FRAMES);
            assertThat(benchmark.awsSdkConverseNoHarness()).isEqualTo("Humans live on Earth.".length());
            assertThat(benchmark.jdkConverseStream())
                    .isEqualTo(EventStreamUpstream.stream(AwsSdkReplayBenchmark.FRAMES).length);
            assertThat(benchmark.jdkConverse())
                    .isEqualTo(EventStreamUpstream.converse().length());
        } finally {
            benchmark.tearDown();
        }
    }
}
