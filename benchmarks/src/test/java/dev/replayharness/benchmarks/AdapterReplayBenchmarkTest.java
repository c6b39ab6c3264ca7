package dev.replayharness.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AdapterReplayBenchmark measures replay: every adapter answers the recorded body")
class AdapterReplayBenchmarkTest {

    @Test
    @DisplayName("jdk, langchain4j, springRestClient and springWebClient return the same recorded bytes")
    void everyAdapterReplaysTheRecording() throws Exception {
        AdapterReplayBenchmark benchmark = new AdapterReplayBenchmark();
        benchmark.recordings = 10;
        benchmark.setUp();

        byte[] reference = benchmark.jdk();

        assertThat(new String(reference, StandardCharsets.UTF_8)).contains("\"choices\"");
        assertThat(benchmark.langchain4j()).isEqualTo(reference);
        assertThat(benchmark.springRestClient()).isEqualTo(reference);
        assertThat(benchmark.springWebClient()).isEqualTo(reference);
    }

    @Test
    @DisplayName("AdapterStreamingReplayBenchmark: every adapter reads the whole recorded stream")
    void everyAdapterReplaysTheStream() throws Exception {
        AdapterStreamingReplayBenchmark benchmark = new AdapterStreamingReplayBenchmark();
        benchmark.setUp();
        try {
            long bytes = benchmark.jdk();
            assertThat(bytes)
                    .isEqualTo(java.util.stream.IntStream.range(
                                    0, dev.replayharness.benchmarks.fixtures.StreamExchange.EVENTS)
                            .mapToLong(i -> dev.replayharness.benchmarks.fixtures.StreamExchange.wire(i).length)
                            .sum());
            assertThat(benchmark.langchain4j()).isEqualTo(dev.replayharness.benchmarks.fixtures.StreamExchange.EVENTS);
            assertThat(benchmark.springWebClient())
                    .isEqualTo(dev.replayharness.benchmarks.fixtures.StreamExchange.EVENTS);
        } finally {
            benchmark.tearDown();
        }
    }
}
