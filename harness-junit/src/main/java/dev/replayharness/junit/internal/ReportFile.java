package dev.replayharness.junit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.RunReportWriter;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.store.RunReportFile;

/**
 * The run's entries as a {@link RunReportFile} (format {@value RunReportFile#FORMAT_VERSION}): every test id with
 * the recordings it used, paths relative to the recordings root.
 */
final class ReportFile {
    private ReportFile() {}

    static RunReportFile.Report report(Path recordingsDirectory, Optional<String> runId, List<TestEntry> entries) {
        List<RunReportFile.Test> tests = entries.stream()
                .map(entry -> RunReportWriter.entry(
                        entry.testId(), entry.namespace(), entry.mode(), entry.uses(), recordingsDirectory))
                .toList();
        return new RunReportFile.Report(runId.orElse(null), recordingsDirectory.toString(), tests);
    }

    /**
     * Writes through a temporary file and a move, so a reader never sees half a report; adds to the report of
     * another JVM of the same run (another Surefire fork).
     */
    static void write(Path file, Path recordingsDirectory, Optional<String> runId, List<TestEntry> entries) {
        try {
            RunReportFile.write(file, report(recordingsDirectory, runId, entries));
        } catch (IOException e) {
            throw new HarnessConfigurationException(
                    "Cannot write the Replay Harness run report " + file + " (" + e
                            + "). Make its folder writable or point harness.report-file elsewhere.",
                    e);
        }
    }
}
