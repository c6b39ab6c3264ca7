package dev.replayharness.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFiles;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;

/**
 * Recordings as files: {@code <recordings>/<namespace>/<key>.json} for a request's first occurrence and
 * {@code <key>-<n>.json} for its n-th (format in docs/recording-format.md). Reads go through a
 * stat-stamped {@link RecordingCache} when one is given; writes are atomic (a temporary file in the same
 * folder, then a rename), so a reader sees the old file or the new one; the nearest-recording search
 * keeps an index of the folder, refreshed by stat stamps, instead of parsing it on every miss.
 */
public final class FileRecordingStore implements RecordingStore {
    private final Path directory;
    private final String namespace;
    private final RecordingCache cache;
    private final NamespaceIndex index;

    /**
     * @param recordingsRoot the root recordings folder
     * @param namespace the subfolder this store keeps
     * @param cache where parsed, verified recordings are kept, or {@code null} to read every file afresh
     */
    public FileRecordingStore(Path recordingsRoot, String namespace, RecordingCache cache) {
        this.directory = recordingsRoot.resolve(namespace);
        this.namespace = namespace;
        this.cache = cache;
        this.index = new NamespaceIndex(directory, System::currentTimeMillis);
    }

    /** A store of the recordings in {@code namespaceDirectory} (its name is the namespace), without a cache. */
    public static FileRecordingStore inFolder(Path namespaceDirectory) {
        Path absolute = namespaceDirectory.toAbsolutePath();
        Path parent = absolute.getParent();
        return new FileRecordingStore(
                parent == null ? absolute : parent, absolute.getFileName().toString(), null);
    }

    /**
     * Checks, before anything is recorded, that {@code recordingsRoot} is a writable folder.
     *
     * @param mode the mode that needs to write, for the message
     * @throws dev.replayharness.core.config.HarnessConfigurationException naming the folder, what is wrong and the fix
     */
    public static void requireWritable(Path recordingsRoot, String mode) {
        Path absolute = recordingsRoot.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new dev.replayharness.core.config.HarnessConfigurationException("Recordings directory " + absolute
                    + " is a file, not a folder, so mode " + mode
                    + " cannot write recordings. Point harness.recordings-dir"
                    + " at the recordings folder.");
        }
        if (!Files.isDirectory(absolute)) {
            throw new dev.replayharness.core.config.HarnessConfigurationException("Recordings directory " + absolute
                    + " does not exist, so mode " + mode + " cannot write recordings. Create it (mkdir -p " + absolute
                    + ") or point harness.recordings-dir at the right folder.");
        }
        if (!Files.isWritable(absolute)) {
            throw new dev.replayharness.core.config.HarnessConfigurationException(
                    "Recordings directory " + absolute + " is not writable, so mode " + mode
                            + " cannot write recordings. Fix its permissions or use mode replay.");
        }
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Path location() {
        return directory;
    }

    @Override
    public Path locate(RecordingKey key, int occurrence) {
        return directory.resolve(key.fileName(occurrence));
    }

    @Override
    public Optional<StoredRecording> find(RecordingKey key, int occurrence, RecordedRequest sent, String sentTestId) {
        Path file = locate(key, occurrence);
        Function<Recording, StoredRecording> verify = r -> RecordingChecks.verified(file, key, r, sent, sentTestId);
        if (cache == null) {
            return readIfExists(file).map(verify);
        }
        return cache.load(file, key, r -> {
                    StoredRecording stored = verify.apply(r);
                    return new RecordingCache.Verified(stored.key(), stored.rendered());
                })
                .map(v -> new StoredRecording(file, v.key(), v.rendered()));
    }

    @Override
    public List<NearMiss> nearest(KeyedRequest request, String testId, int limit) {
        return NearestSearch.rank(index.recordings(), request, testId, limit);
    }

    @Override
    public Optional<String> absence() {
        return RecordingsFolder.folderProblem(directory.toAbsolutePath());
    }

    @Override
    public Path save(RecordingKey key, int occurrence, Recording recording) {
        Path file = locate(key, occurrence);
        write(file, recording);
        return file;
    }

    /** Writes atomically: a temporary file in the same folder, then an atomic move over the target. */
    static void write(Path file, Recording recording) {
        try {
            AtomicFiles.sweepStaleOnce(file.toAbsolutePath().getParent(), RecordingsFolder.TEMPORARY);
            AtomicFiles.write(file, RecordingFiles.toJson(recording).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write recording " + file + ": " + e.getMessage()
                            + ". Check that the recordings directory is writable.",
                    e);
        }
    }

    /** A recording file's bytes, or empty when there is no such file; a folder or a link loop fails as unreadable. */
    static Optional<byte[]> readBytes(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // a dangling link included: nothing is there to replay, as for a missing file
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new RecordingFormatException(
                        file, "is a directory, not a recording file. Delete or move it, then re-record.", e);
            }
            if (Files.isSymbolicLink(file)) { // a loop
                throw new RecordingFormatException(
                        file,
                        "is a symbolic link that cannot be followed (a loop)."
                                + " Replace it with the recording file, or delete it and re-record.",
                        e);
            }
            throw new RecordingFormatException(file, "cannot be read (" + e + "). Check its permissions.", e);
        }
    }

    /** Reads a recording, or empty when the file does not exist. One file read, nothing else. */
    static Optional<Recording> readIfExists(Path file) {
        return readBytes(file).map(bytes -> RecordingFiles.parse(file, bytes));
    }

    /** Reads a recording that must exist. */
    static Recording read(Path file) {
        return readIfExists(file).orElseThrow(() -> new RecordingFormatException(file, "does not exist."));
    }
}
