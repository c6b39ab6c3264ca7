package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;

/**
 * harness.report-file pointing at a directory (issue 13): the run used to end with only JUnit's "Failed to close
 * extension context"; now every test fails at once, naming the key, the value and the fix, and nothing is lost.
 */
@DisplayName("harness.report-file that is a directory")
class ReportFileFaultTest {
    @TempDir
    Path workspace;

    @Test
    @DisplayName("fails every test with a message naming the key, the directory and the fix")
    void directory() throws Exception {
        Path directory = Files.createDirectories(workspace.resolve("reports")).toAbsolutePath();

        EngineExecutionResults results = FixtureRun.of(workspace, QuietFixture.class)
                .parameter(HarnessConfiguration.REPORT_FILE, directory.toString())
                .execute();

        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(results.testEvents().failed().stream().map(FixtureRun::throwable))
                .allSatisfy(t -> assertThat(t)
                        .isInstanceOf(HarnessConfigurationException.class)
                        .hasMessage("harness.report-file is " + directory
                                + ", which is a directory. Name a file for the run report"
                                + " (e.g. " + directory.resolve("harness-report.json")
                                + "), or remove the key to use the"
                                + " default (" + HarnessConfiguration.DEFAULT_REPORT_FILE + ")."));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(directory).isEmptyDirectory();
    }

    @Fixture
    @Recorded
    static class QuietFixture {
        @Test
        void first() {}

        @Test
        void second() {}
    }
}
