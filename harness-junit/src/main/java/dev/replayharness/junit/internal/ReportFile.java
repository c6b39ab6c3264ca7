package dev.replayharness.junit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.store.AtomicFiles;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run report file (format {@value #FORMAT_VERSION}): every test id with the recordings it used,
 * paths relative to the recordings root. The input of a check for recordings no test uses.
 */
final class ReportFile {
    static final int FORMAT_VERSION = 1;
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    // Concurrent requests of one test are used in any order; the file must not depend on it.
    private static final Comparator<RecordingUse> USE_ORDER = Comparator.comparing(
                    (RecordingUse u) -> u.file() == null ? "" : u.file().toString())
            .thenComparing(RecordingUse::method)
            .thenComparing(RecordingUse::path)
            .thenComparing(RecordingUse::outcome);

    private ReportFile() {}

    static String toJson(Path recordingsDirectory, List<TestEntry> entries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("recordingsDirectory", recordingsDirectory.toString());
        ArrayNode tests = root.putArray("tests");
        for (TestEntry entry : entries) {
            ObjectNode test = tests.addObject();
            test.put("testId", entry.testId());
            test.put("namespace", entry.namespace());
            test.put("mode", entry.mode().value());
            ArrayNode recordings = test.putArray("recordings");
            entry.uses().stream().sorted(USE_ORDER).forEach(use -> {
                ObjectNode node = recordings.addObject();
                node.put("outcome", use.outcome().name());
                node.put("method", use.method());
                node.put("path", use.path());
                node.put("file", use.file() == null ? null : relative(recordingsDirectory, use.file()));
            });
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** Writes through a temporary file and a move, so a reader never sees half a report. */
    static void write(Path file, Path recordingsDirectory, List<TestEntry> entries) {
        try {
            AtomicFiles.write(file, toJson(recordingsDirectory, entries).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HarnessConfigurationException(
                    "Cannot write the Replay Harness run report " + file + " (" + e
                            + "). Make its folder writable or point harness.report-file elsewhere.",
                    e);
        }
    }
}
