package dev.replayharness.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run report file (format {@value #FORMAT_VERSION}): every test id with the recordings it used, paths
 * relative to the recordings root; the input of the check for recordings no test uses. Written by the JUnit
 * extension, the proxy and the stack server alike. Several JVMs of one run (Surefire forks) write one file:
 * {@link #write} merges into a report of the same {@link Report#runId} under a lock held across JVMs, and
 * replaces a report of any other run, so that entries of an older run never make a recording look used.
 */
public final class RunReportFile {
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** One JVM's writers of one file take turns here: a FileLock is held per JVM, not per thread. */
    private static final Map<Path, Object> IN_JVM = new ConcurrentHashMap<>();

    private RunReportFile() {}

    /** One recording a test used: {@code outcome} is a {@code RecordingUse.Outcome} name; {@code file} may be null. */
    public record Use(String outcome, String method, String path, String file) {}

    /** One finished test and its recordings, in the order they are written. */
    public record Test(String testId, String namespace, String mode, List<Use> recordings) {
        public Test {
            recordings = List.copyOf(recordings);
        }
    }

    /**
     * A report.
     *
     * @param runId the run it belongs to: JVMs writing one file with one id add up; {@code null} for none
     * @param recordingsDirectory the recordings root the files are relative to
     * @param tests sorted by test id, then namespace, when written
     */
    public record Report(String runId, String recordingsDirectory, List<Test> tests) {
        public Report {
            tests = List.copyOf(tests);
        }
    }

    /** {@code file} relative to {@code root} with forward slashes, as a report names it (absolute when outside). */
    public static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    public static String toJson(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("recordingsDirectory", report.recordingsDirectory());
        if (report.runId() != null) {
            root.put("runId", report.runId());
        }
        ArrayNode tests = root.putArray("tests");
        for (Test entry : sorted(report.tests())) {
            ObjectNode test = tests.addObject();
            test.put("testId", entry.testId());
            test.put("namespace", entry.namespace());
            test.put("mode", entry.mode());
            ArrayNode recordings = test.putArray("recordings");
            for (Use use : entry.recordings()) {
                ObjectNode node = recordings.addObject();
                node.put("outcome", use.outcome());
                node.put("method", use.method());
                node.put("path", use.path());
                node.put("file", use.file());
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /**
     * Writes {@code report}, through a temporary file and a move (a reader never sees half a report). When
     * {@code file} already holds a report of the same non-null run id (another fork of this run wrote it), the
     * result holds both: a test id of {@code report} replaces the same test id there (a rerun), every other
     * entry is kept.
     */
    public static void write(Path file, Report report) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        synchronized (IN_JVM.computeIfAbsent(target, k -> new Object())) {
            Files.createDirectories(target.getParent());
            Path lock = target.resolveSibling("." + target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                AtomicFiles.write(target, toJson(merged(target, report)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Report merged(Path target, Report report) {
        if (report.runId() == null || !Files.isRegularFile(target)) {
            return report;
        }
        Optional<Report> earlier;
        try {
            earlier = Optional.of(read(target));
        } catch (RuntimeException e) {
            earlier = Optional.empty(); // not a report (or a damaged one): this run's report replaces it
        }
        if (earlier.isEmpty() || !report.runId().equals(earlier.get().runId())) {
            return report;
        }
        Map<List<String>, Test> byId = new LinkedHashMap<>();
        for (Test test : earlier.get().tests()) {
            byId.put(List.of(test.testId(), test.namespace()), test);
        }
        for (Test test : report.tests()) {
            byId.put(List.of(test.testId(), test.namespace()), test);
        }
        return new Report(report.runId(), report.recordingsDirectory(), new ArrayList<>(byId.values()));
    }

    /**
     * Reads a report.
     *
     * @throws IllegalArgumentException naming the file when it is not a run report, or not of this format
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static Report read(Path file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read run report " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Run report " + file + " is not valid JSON (" + e.getOriginalMessage()
                            + "); delete it and run the tests again",
                    e);
        }
        if (!tree.isObject()
                || !tree.path("tests").isArray()
                || !tree.path("formatVersion").isInt()) {
            throw new IllegalArgumentException("Run report " + file + " is not a run report (no formatVersion and"
                    + " tests array); name the harness-report*.json files the tests, the proxy or serve wrote");
        }
        int version = tree.get("formatVersion").intValue();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("Run report " + file + " has formatVersion " + version + "; this"
                    + " harness reads " + FORMAT_VERSION + ". Run the tests again with this harness version");
        }
        List<Test> tests = new ArrayList<>();
        for (JsonNode test : tree.get("tests")) {
            List<Use> uses = new ArrayList<>();
            for (JsonNode use : test.path("recordings")) {
                uses.add(new Use(text(use, "outcome"), text(use, "method"), text(use, "path"), text(use, "file")));
            }
            tests.add(new Test(text(test, "testId"), text(test, "namespace"), text(test, "mode"), uses));
        }
        return new Report(text(tree, "runId"), text(tree, "recordingsDirectory"), tests);
    }

    /**
     * {@code Replay Harness [bedrock]: 12 replayed, 1 recorded, 0 missed, 0 live in 13 tests}, one line per
     * namespace, in namespace order: what a run prints at its end, and the CLI over several reports.
     */
    public static List<String> summary(List<Test> tests) {
        Map<String, List<Test>> byNamespace = new java.util.TreeMap<>();
        tests.forEach(t -> byNamespace
                .computeIfAbsent(String.valueOf(t.namespace()), k -> new ArrayList<>())
                .add(t));
        List<String> lines = new ArrayList<>();
        byNamespace.forEach((namespace, inNamespace) -> lines.add("Replay Harness [" + namespace + "]: "
                + count(inNamespace, "REPLAYED") + " replayed, " + count(inNamespace, "RECORDED") + " recorded, "
                + count(inNamespace, "MISSED") + " missed, " + count(inNamespace, "LIVE") + " live in "
                + inNamespace.size() + (inNamespace.size() == 1 ? " test" : " tests")));
        return lines;
    }

    private static long count(List<Test> tests, String outcome) {
        return tests.stream()
                .flatMap(t -> t.recordings().stream())
                .filter(u -> outcome.equals(u.outcome()))
                .count();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<Test> sorted(List<Test> tests) {
        List<Test> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparing(Test::testId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Test::namespace, Comparator.nullsFirst(Comparator.naturalOrder())));
        return sorted;
    }
}
