package dev.replayharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The run reports a command reads: those named (a file, or a folder holding them, e.g. the reports collected
 * from several CI shards), or by default every {@code target/harness-report*.json} below the current folder
 * (the JUnit extension's, and the proxy's and {@code serve}'s).
 */
final class RunReports {
    private static final Predicate<Path> REPORT_NAME = p -> {
        String name = p.getFileName().toString();
        return name.startsWith("harness-report") && name.endsWith(".json");
    };

    private RunReports() {}

    static List<Path> find(List<Path> named) throws IOException {
        if (named.isEmpty()) {
            try (Stream<Path> walk = Files.walk(Path.of("."), 3)) {
                return walk.filter(p -> p.getParent() != null
                                && p.getParent().getFileName() != null
                                && p.getParent().getFileName().toString().equals("target"))
                        .filter(REPORT_NAME)
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            }
        }
        List<Path> found = new ArrayList<>();
        for (Path path : named) {
            if (!Files.isDirectory(path)) {
                found.add(path); // a missing file is reported by the read, naming it
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                List<Path> inFolder = walk.filter(REPORT_NAME)
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
                if (inFolder.isEmpty()) {
                    throw new IllegalArgumentException("No run report (harness-report*.json) below " + path
                            + ". Put the reports of every shard there, or name the report files themselves.");
                }
                found.addAll(inFolder);
            }
        }
        return found;
    }
}
