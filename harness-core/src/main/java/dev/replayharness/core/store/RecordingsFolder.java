package dev.replayharness.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;

/**
 * A root recordings folder ({@code <root>/<namespace>/<key>[-<n>].json}) as the repository's tools see it:
 * every entry below it, reading, keying, renaming and deleting recordings, and sweeping the temporary
 * files that an interrupted write (a {@code kill -9} while recording) leaves behind.
 */
public final class RecordingsFolder {
    /** The name an atomic write gives the temporary file of a recording: {@code .<key>[-<n>].json<digits>.tmp}. */
    public static final Pattern TEMPORARY = Pattern.compile("\\.[0-9a-f]{64}(-[0-9]+)?\\.json-?[0-9]+\\.tmp");
    /** A temporary file younger than this may belong to a write in progress in another process. */
    public static final Duration STALE_TEMPORARY = dev.replayharness.core.store.AtomicFiles.STALE_AFTER;

    private final Path root;

    private RecordingsFolder(Path root) {
        this.root = root;
    }

    /**
     * The folder at {@code root}.
     *
     * @throws UncheckedIOException naming the folder when it does not exist or is a file
     */
    public static RecordingsFolder at(Path root) {
        Path absolute = root.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            String message = absolute
                    + (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                            ? " is a file, not a folder"
                            : " is not a folder")
                    + ". Run from the repository root, or name the recordings folder.";
            throw new UncheckedIOException(message, new IOException(message));
        }
        return new RecordingsFolder(root);
    }

    /**
     * Why {@code folder} holds no recordings, when it is not a folder: a file in the way (itself or a
     * parent), named as such, or else that it does not exist.
     */
    static Optional<String> folderProblem(Path folder) {
        if (Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) { // not missing: in the way
            return Optional.of(existing + " is a file, not a folder: point harness.recordings-dir"
                    + " (Harness.Builder.recordingsDirectory) at the recordings folder");
        }
        return Optional.of(folder + " does not exist (check harness.recordings-dir and the namespace)");
    }

    public Path root() {
        return root;
    }

    /**
     * Every entry below the root that is not a folder (temporary files of atomic writes included), and
     * every folder named like a recording (which replay cannot read either), sorted.
     */
    public List<Path> entries() {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)
                            && RecordingKey.parseFileName(dir.getFileName().toString())
                                    .isPresent()) {
                        out.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    out.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** The entries whose name ends in {@code .json}. */
    public List<Path> jsonEntries() {
        return entries().stream()
                .filter(f -> f.getFileName().toString().endsWith(".json"))
                .toList();
    }

    /**
     * Deletes the temporary files of atomic writes older than {@link #STALE_TEMPORARY} (left by a
     * process killed mid-write; a younger one may be a write in progress, and is left alone).
     *
     * @return the files deleted
     */
    public List<Path> sweepTemporaries() {
        List<Path> swept = new ArrayList<>();
        long before = System.currentTimeMillis() - STALE_TEMPORARY.toMillis();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(RecordingsFolder::isTemporary).toList()) {
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() < before
                        && Files.deleteIfExists(file)) {
                    swept.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep temporary files in " + root + ": " + e.getMessage(), e);
        }
        return swept;
    }

    /** Whether {@code file} is named as the temporary file of a recording's atomic write. */
    public static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /** The key and occurrence {@code file}'s name says, or empty when it is not a recording's name. */
    public static Optional<RecordingKey.Named> name(Path file) {
        return RecordingKey.parseFileName(file.getFileName().toString());
    }

    /**
     * A recording file's bytes, read as replay reads them.
     *
     * @throws dev.replayharness.core.recording.RecordingFormatException when it does not exist or cannot be read
     *     (a folder, a link loop), with the message replay gives
     */
    public static byte[] bytes(Path file) {
        return FileRecordingStore.readBytes(file)
                .orElseThrow(
                        () -> new dev.replayharness.core.recording.RecordingFormatException(file, "does not exist."));
    }

    /** Reads a recording as replay reads it. */
    public static Recording read(Path file) {
        return FileRecordingStore.read(file);
    }

    /** Parses a recording's bytes; {@code file} names it in errors. */
    public static Recording parse(Path file, byte[] bytes) {
        return dev.replayharness.core.recording.RecordingFiles.parse(file, bytes);
    }

    /** The name the {@code occurrence}-th recording of {@code key} has beside {@code file}. */
    public static Path sibling(Path file, RecordingKey key, int occurrence) {
        return file.resolveSibling(key.fileName(occurrence));
    }

    /** Writes a recording atomically at {@code file}. */
    public static void write(Path file, Recording recording) {
        FileRecordingStore.write(file, recording);
    }
}
