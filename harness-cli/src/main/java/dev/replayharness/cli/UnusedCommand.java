package dev.replayharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.store.RunReportFile;

/** Recordings that no test used, according to the run reports. */
@Command(
        name = "unused",
        description =
                "List recordings that no test used, according to the run reports the JUnit extension, the proxy and"
                        + " serve write (target/harness-report*.json). Exit 1 when there are any, unless --delete.")
final class UnusedCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "recordings", description = "recordings folder (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(
            names = "--report",
            description =
                    "a run report, or a folder of them (every harness-report*.json below it, e.g. one per CI shard);"
                            + " repeatable; default: every target/harness-report*.json below the current folder")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--delete", description = "delete the unused recordings")
    boolean delete;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> found = RunReports.find(reports);
        if (found.isEmpty()) {
            out.println("unused: no run report found (target/harness-report*.json). Run the tests first (mvn test), "
                    + "or name reports (or a folder of them) with --report.");
            return 2;
        }
        Set<String> used = new TreeSet<>();
        for (Path report : found) {
            used.addAll(recordingPaths(report));
        }
        List<Path> unused = new ArrayList<>();
        List<Path> recordings = RecordingsFolder.at(root).jsonEntries();
        for (Path file : recordings) {
            if (RecordingsFolder.name(file).isPresent()
                    && !used.contains(root.relativize(file).toString().replace('\\', '/'))) {
                unused.add(file);
            }
        }
        for (Path file : unused) {
            out.println(file + ": used by no test"
                    + (delete
                            ? "; deleted"
                            : "; delete it with `harness unused --delete`,"
                                    + " or add the test that needs it to a suite"));
            if (delete) {
                Files.delete(file);
            }
        }
        out.println("unused: " + unused.size() + " of " + recordings.size() + " recordings" + (delete ? " deleted" : "")
                + " (reports: " + found.size() + ")");
        return unused.isEmpty() || delete ? 0 : 1;
    }

    /**
     * The recording files the report's tests used, relative to the recordings root. Read as a run report, so that
     * a file that is not one (a typo, another JSON) is an error naming it, not a report of no uses that would make
     * {@code --delete} delete every recording.
     */
    static Set<String> recordingPaths(Path report) {
        Set<String> paths = new TreeSet<>();
        for (RunReportFile.Test test : RunReportFile.read(report).tests()) {
            for (RunReportFile.Use use : test.recordings()) {
                if (use.file() != null) {
                    paths.add(use.file().replace('\\', '/'));
                }
            }
        }
        return paths;
    }
}
