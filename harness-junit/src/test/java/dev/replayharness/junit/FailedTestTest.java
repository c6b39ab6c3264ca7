package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpClient;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Report;
import dev.replayharness.junit.support.Upstream;

@DisplayName("A test that fails after recording")
class FailedTestTest {
    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @Test
    @DisplayName("keeps no recording by default, and the report lists none")
    void discards() {
        FixtureRun.of(workspace, FailingFixture.class)
                .mode("record")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(1).failed(1));
        assertThat(upstream.requestCount()).isEqualTo(1);
        assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).isEmpty();
        assertThat(Report.read(workspace).get("tests").get(0).get("recordings").isEmpty())
                .isTrue();
    }

    @Test
    @DisplayName("keeps its recording with harness.save-on-failure=true")
    void saves() {
        FixtureRun.of(workspace, FailingFixture.class)
                .mode("record")
                .parameter(HarnessConfiguration.SAVE_ON_FAILURE, "true")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(1).failed(1));
        assertThat(FixtureRun.files(FixtureRun.recordings(workspace)))
                .singleElement()
                .asString()
                .startsWith("default/");
    }

    @Fixture
    @Recorded
    static class FailingFixture {
        @Test
        void failsAfterCall(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
            fail("the answer was wrong");
        }
    }
}
