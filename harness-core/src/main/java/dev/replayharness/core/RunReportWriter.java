package dev.replayharness.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.replayharness.core.store.RunReportFile;

/**
 * Collects the sessions a server handled (the proxy, the stack server) and writes them as a run report, the
 * same format the JUnit extension writes, so that {@code ./harness unused} counts recordings used by clients
 * in any language. A test id seen in several sessions (one per request, or reopened after it ended) is one
 * entry. Thread-safe.
 */
public final class RunReportWriter {
    /** The entry of sessions that named no test. */
    public static final String NO_TEST_ID = "(no test id)";

    // Concurrent requests of one test are used in any order; the file must not depend on it.
    private static final Comparator<RecordingUse> USE_ORDER = Comparator.comparing(
                    (RecordingUse u) -> u.file() == null ? "" : u.file().toString())
            .thenComparing(RecordingUse::method)
            .thenComparing(RecordingUse::path)
            .thenComparing(RecordingUse::outcome);

    private final Path file;
    private final Path recordingsDirectory;
    private final Map<List<String>, Entry> tests = new LinkedHashMap<>();

    private record Entry(String testId, String namespace, Mode mode, List<RecordingUse> uses) {}

    /**
     * @param file where the report goes
     * @param recordingsDirectory the recordings root its paths are relative to
     */
    public RunReportWriter(Path file, Path recordingsDirectory) {
        this.file = Objects.requireNonNull(file, "file");
        this.recordingsDirectory = Objects.requireNonNull(recordingsDirectory, "recordingsDirectory");
    }

    public Path file() {
        return file;
    }

    /** Adds what {@code session} did (call it once the session closed). */
    public void add(HarnessSession session) {
        add(session.testId().orElse(NO_TEST_ID), session.namespace(), session.mode(), session.uses());
    }

    /** Adds {@code uses} to the entry of {@code testId} in {@code namespace}. */
    public void add(String testId, String namespace, Mode mode, List<RecordingUse> uses) {
        synchronized (tests) {
            tests.computeIfAbsent(
                            List.of(testId, namespace), k -> new Entry(testId, namespace, mode, new ArrayList<>()))
                    .uses()
                    .addAll(uses);
        }
    }

    /** One test's entry as a report holds it: its uses in a stable order, files relative to the root. */
    public static RunReportFile.Test entry(
            String testId, String namespace, Mode mode, List<RecordingUse> uses, Path recordingsDirectory) {
        return new RunReportFile.Test(
                testId,
                namespace,
                mode.value(),
                uses.stream()
                        .sorted(USE_ORDER)
                        .map(use -> new RunReportFile.Use(
                                use.outcome().name(),
                                use.method(),
                                use.path(),
                                use.file() == null ? null : RunReportFile.relative(recordingsDirectory, use.file())))
                        .toList());
    }

    /** Writes the report (replacing the file: a server's run stands alone). */
    public void write() throws IOException {
        List<RunReportFile.Test> entries = new ArrayList<>();
        synchronized (tests) {
            tests.values()
                    .forEach(e ->
                            entries.add(entry(e.testId(), e.namespace(), e.mode(), e.uses(), recordingsDirectory)));
        }
        RunReportFile.write(file, new RunReportFile.Report(null, recordingsDirectory.toString(), entries));
    }
}
