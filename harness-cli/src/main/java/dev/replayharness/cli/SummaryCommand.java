package dev.replayharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.store.RunReportFile;

/** The run's summary line, over one report or several (the forks of a run, the shards of a CI build). */
@Command(
        name = "summary",
        description = "Print the summary line of each namespace (replayed, recorded, missed, live in N tests) over"
                + " the run reports named, or folders of them (e.g. one report per CI shard). Exit 1 when a"
                + " request missed.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..*",
            description = "run reports or folders of them (every harness-report*.json below); default: every"
                    + " target/harness-report*.json below the current folder")
    List<Path> reports = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> found = RunReports.find(reports);
        if (found.isEmpty()) {
            out.println("summary: no run report found (target/harness-report*.json). Run the tests first (mvn test),"
                    + " or name reports or a folder of them.");
            return 2;
        }
        List<RunReportFile.Test> tests = new ArrayList<>();
        for (Path report : found) {
            tests.addAll(RunReportFile.read(report).tests());
        }
        RunReportFile.summary(tests).forEach(out::println);
        out.println("summary: " + tests.size() + (tests.size() == 1 ? " test" : " tests") + " in " + found.size()
                + (found.size() == 1 ? " report" : " reports"));
        boolean missed =
                tests.stream().flatMap(t -> t.recordings().stream()).anyMatch(u -> "MISSED".equals(u.outcome()));
        return missed ? 1 : 0;
    }
}
