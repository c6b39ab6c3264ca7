package dev.replayharness.junit.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.store.RunReportFile;

/**
 * Collects every finished test of the run; when the run ends (JUnit closes the root store) prints one
 * summary line per namespace and writes the report file.
 */
final class RunReport implements Stores.Closeable {
    private final RunConfiguration configuration;
    private final Optional<String> runId;
    private final List<TestEntry> entries = new ArrayList<>();

    /** @param runId the run the report file belongs to (see {@code harness.run-id}); empty: this run alone */
    RunReport(RunConfiguration configuration, Optional<String> runId) {
        this.configuration = configuration;
        this.runId = runId;
    }

    synchronized void add(TestEntry entry) {
        entries.add(entry);
    }

    /** Sorted by test id, then namespace, so that the file is the same for the same run. */
    synchronized List<TestEntry> entries() {
        List<TestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TestEntry::testId).thenComparing(TestEntry::namespace));
        return sorted;
    }

    /** {@code Replay Harness [bedrock]: 12 replayed, 1 recorded, 0 missed, 0 live in 13 tests}, one per namespace. */
    List<String> summary() {
        return RunReportFile.summary(ReportFile.report(configuration.recordingsDirectory(), Optional.empty(), entries())
                .tests());
    }

    @Override
    public void close() {
        PrintStream out = System.out;
        summary().forEach(out::println);
        ReportFile.write(configuration.reportFile(), configuration.recordingsDirectory(), runId, entries());
    }
}
