package dev.replayharness.llamastack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.redact.RecordingRedactor;
import dev.replayharness.core.redact.Redactor;

/**
 * Converts Llama Stack recordings into recordings of this format, re-keyed under this project's canonical form
 * (their file names hash Python's serialization and cannot be reproduced). docs/recording-format.md,
 * "Importing Llama Stack recordings", describes the conversion.
 *
 * <p>Their format: {@code test_id} (a pytest node id), {@code request.url} (with the doubled {@code /v1/v1/}
 * their client produced, fixed here), {@code request.body}, and {@code response}: {@code body} as one
 * {@code {"__type__", "__data__"}} object, or a list of them (one per chunk when {@code is_streaming}, one per
 * model for the model list), or {@code is_exception} with {@code exception_data} (the HTTP status and error body).
 * Credential-looking strings are redacted, as in any recording. A folder import validates every file before it
 * writes anything ({@link #plan}).
 */
public final class LlamaStackImporter {
    /** The {@code source} of imported recordings: {@value}. */
    public static final String SOURCE = "imported";
    /** What a Llama Stack test id is prefixed with to become the {@code testId} of a test-scoped import: {@value}. */
    public static final String TEST_ID_PREFIX = "llama-stack:";

    private LlamaStackImporter() {}

    /** One file to import, and the recording file it becomes; {@code testId} is null for a shared recording. */
    public record Imported(Path from, Path to, RecordingKey key, String testId) {}

    /** A file (or folder) an import leaves alone, and why. */
    public record Skipped(Path file, String reason) {}

    /**
     * The {@code testId} under which a test-scoped import of a recording made by the pytest test {@code nodeId}
     * is keyed: {@value #TEST_ID_PREFIX} followed by the node id unchanged (redacted, as every recorded string
     * is), e.g. {@code llama-stack:tests/integration/responses/test_basic_responses.py::test_x[txt=bedrock/m]}.
     * A session opened with {@code harness.session(LlamaStackImporter.testId(nodeId))} replays it.
     */
    public static String testId(String nodeId) {
        return TEST_ID_PREFIX + new Redactor().redact(nodeId);
    }

    /** Imports every recording in {@code source} into {@code namespaceDirectory} with {@link ImportScope#AUTO}. */
    public static List<Imported> importDirectory(Path source, Path namespaceDirectory) {
        return plan(List.of(source), namespaceDirectory, ImportScope.AUTO).write();
    }

    /**
     * Reads and converts every {@code *.json} file of the {@code sources} folders (not their subfolders), decides
     * each one's scope and target file, and checks that nothing collides; writes nothing.
     *
     * @throws LlamaStackImportException listing every file that cannot be imported, when there is one
     * @throws UncheckedIOException when a source is not a readable folder
     */
    public static ImportPlan plan(List<Path> sources, Path namespaceDirectory, ImportScope scope) {
        List<RecordingFormatException> problems = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<LlamaStackFile.Exchange> exchanges = new ArrayList<>();
        for (Path source : sources.stream().distinct().toList()) { // a folder named twice is read once
            for (Path file : list(source)) {
                if (Files.isDirectory(file)) {
                    skipped.add(new Skipped(file, "a folder (name it as a source of its own to import it)"));
                } else if (!file.getFileName().toString().endsWith(".json")) {
                    skipped.add(new Skipped(file, "not a .json file"));
                } else {
                    try {
                        LlamaStackFile.Read read = LlamaStackFile.read(file);
                        if (read instanceof LlamaStackFile.Exchange e) {
                            exchanges.add(redacted(e));
                        } else {
                            skipped.add(new Skipped(file, ((LlamaStackFile.NotARecording) read).reason()));
                        }
                    } catch (RecordingFormatException e) {
                        problems.add(e);
                    }
                }
            }
        }
        ImportPlan plan = new ImportPlanner(namespaceDirectory, scope, problems).plan(exchanges, skipped);
        if (!problems.isEmpty()) {
            throw new LlamaStackImportException(sources, problems);
        }
        return plan;
    }

    /** Converts one Llama Stack recording file into a shared recording (not redacted). */
    public static Recording convert(Path file) {
        LlamaStackFile.Read read = LlamaStackFile.read(file);
        if (read instanceof LlamaStackFile.Exchange e) {
            return e.recording();
        }
        throw new RecordingFormatException(file, ((LlamaStackFile.NotARecording) read).reason() + ".");
    }

    private static LlamaStackFile.Exchange redacted(LlamaStackFile.Exchange e) {
        return new LlamaStackFile.Exchange(
                e.file(), e.nodeId(), RecordingRedactor.redact(e.recording(), new Redactor()));
    }

    private static List<Path> list(Path source) {
        if (!Files.isDirectory(source)) {
            String message = "Llama Stack recordings folder " + source.toAbsolutePath()
                    + " does not exist or is not a folder. Point the importer at tests/integration/…/recordings.";
            throw new UncheckedIOException(message, new IOException(message));
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + source + ": " + e.getMessage(), e);
        }
    }
}
