package dev.replayharness.benchmarks.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.ChatUpstream;
import dev.replayharness.junit.HarnessConfiguration;

/**
 * Runs one of {@link JunitFixtures}' classes through the JUnit Platform Launcher, configured only by
 * configuration parameters (the recordings directory, the mode and the run report file), and fails unless
 * every one of its {@link JunitFixtures#count} tests passed. Also records the store the replaying class needs.
 */
public final class JunitRun {
    private static final String MARKER = ".complete";
    /** Bump when what is recorded changes, so stale stores are re-recorded. */
    private static final String VERSION = "junit-store 1";

    private final Launcher launcher = LauncherFactory.create();
    private final Path root;
    private final Path reportFile;

    /** Runs against the recordings under {@code root}; each run writes its report to {@code reportFile}. */
    public JunitRun(Path root, Path reportFile) {
        this.root = root;
        this.reportFile = reportFile;
    }

    /** Runs {@code testClass} in {@code mode}; returns how many tests passed, after checking that all did. */
    public long run(Class<?> testClass, String mode) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter(HarnessConfiguration.RECORDINGS_DIR, root.toString())
                .configurationParameter(HarnessConfiguration.MODE, mode)
                .configurationParameter(HarnessConfiguration.REPORT_FILE, reportFile.toString())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() != 0 || summary.getTestsSucceededCount() != JunitFixtures.count) {
            java.io.StringWriter failures = new java.io.StringWriter();
            summary.printFailuresTo(new java.io.PrintWriter(failures), 5);
            throw new IllegalStateException(testClass.getSimpleName() + " in mode " + mode + ": "
                    + summary.getTestsSucceededCount() + " of " + JunitFixtures.count + " tests passed, "
                    + summary.getTotalFailureCount() + " failed (recordings in " + root + ")\n" + failures);
        }
        return summary.getTestsSucceededCount();
    }

    /**
     * The root of a store holding {@link JunitFixtures.RecordedReplay}'s {@code count} recordings, recorded through
     * the launcher against a loopback upstream if missing or stale.
     */
    public static Path ensureStore(Path root, int count) {
        Path marker = root.resolve(MARKER);
        String expected = VERSION + " " + count + "\n";
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(expected) && jsonFiles(root) == count) {
                return root;
            }
            deleteRecursively(root);
            Files.createDirectories(root);
            URI replayUri = JunitFixtures.uri;
            int replayCount = JunitFixtures.count;
            try (ChatUpstream upstream = new ChatUpstream()) {
                JunitFixtures.uri = upstream.uri(ChatExchange.PATH);
                JunitFixtures.count = count;
                new JunitRun(root, root.resolve("record-report.json"))
                        .run(JunitFixtures.RecordedReplay.class, "record");
            } finally {
                JunitFixtures.uri = replayUri;
                JunitFixtures.count = replayCount;
            }
            if (jsonFiles(root) != count) {
                throw new IllegalStateException("Recorded " + count + " tests into " + root + " but found "
                        + jsonFiles(root) + " recording files; the benchmark store is wrong");
            }
            Files.writeString(marker, expected, StandardCharsets.UTF_8);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the JUnit benchmark store " + root, e);
        }
    }

    private static long jsonFiles(Path root) throws IOException {
        Path namespace = root.resolve(JunitFixtures.NAMESPACE);
        if (!Files.isDirectory(namespace)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(namespace)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .count();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
