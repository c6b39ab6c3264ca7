package dev.replayharness.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run report ({@code target/harness-report.json}, as the JUnit extension writes for in-process
 * tests) for the test classes that replay {@code recordings/stack-server} through the server, so that
 * {@code harness unused} counts those recordings as used. One file for the module: every class adds
 * its uses and the file is rewritten with all of them.
 */
final class ReplayReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    private ReplayReport() {}

    /** Notes that {@code testClass} replayed or recorded {@code file}. */
    static synchronized void used(Class<?> testClass, Path file) {
        USES.computeIfAbsent(testClass.getName(), name -> new TreeSet<>())
                .add(TestStack.repositoryRecordings()
                        .relativize(file.toAbsolutePath())
                        .toString());
    }

    /** Writes the report with every use so far, {@code mode} being the harness's. */
    static synchronized void write(String mode) throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.put("formatVersion", 1);
        report.put("recordingsDirectory", TestStack.repositoryRecordings().toString());
        ArrayNode tests = report.putArray("tests");
        USES.forEach((testClass, files) -> {
            ObjectNode test = tests.addObject();
            test.put("testId", testClass + " (through the stack server)");
            test.put("namespace", StackServer.NAMESPACE);
            test.put("mode", mode);
            ArrayNode recordings = test.putArray("recordings");
            files.forEach(file -> recordings.addObject().put("file", file));
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target/harness-report.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
}
