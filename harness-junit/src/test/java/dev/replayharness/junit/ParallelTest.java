package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Upstream;

@DisplayName("Under parallel execution")
class ParallelTest {
    static final int TESTS = 50;

    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @BeforeEach
    void reset() {
        upstream.delay(Duration.ofMillis(50)); // long enough for requests of different tests to overlap
    }

    FixtureRun parallel(String mode) {
        return FixtureRun.of(workspace, ConcurrentFixture.class)
                .mode(mode)
                .parameter("junit.jupiter.execution.parallel.enabled", "true")
                .parameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .parameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .parameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8");
    }

    @Test
    @DisplayName("50 tests recording at once write 50 valid, distinct recordings, which then replay concurrently")
    void fiftyAtOnce() {
        parallel("record")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(TESTS).succeeded(TESTS));
        assertThat(upstream.maxConcurrentRequests()).as("tests overlapped").isGreaterThan(1);

        Path recordings = FixtureRun.recordings(workspace);
        List<Recording> written = FixtureRun.files(recordings).stream()
                .map(f -> RecordingsFolder.read(recordings.resolve(f)))
                .toList();
        assertThat(written).hasSize(TESTS);
        assertThat(written)
                .extracting(Recording::testId)
                .doesNotHaveDuplicates()
                .allMatch(id ->
                        id.matches("dev\\.replayharness\\.junit\\.ParallelTest\\$ConcurrentFixture#asks\\[\\d+]"));
        assertThat(written).extracting(r -> r.response().status()).containsOnly(200);

        parallel("replay")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(TESTS).succeeded(TESTS));
        assertThat(upstream.requestCount()).as("replay did not call upstream").isEqualTo(TESTS);
    }

    @Fixture
    @Recorded
    static class ConcurrentFixture {
        @RepeatedTest(TESTS)
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "same question from every test");
        }
    }
}
