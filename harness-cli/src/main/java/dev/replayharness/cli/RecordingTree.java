package dev.replayharness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files below a recordings folder. */
final class RecordingTree {
    private RecordingTree() {
    }

    /** Every regular file below {@code root}, sorted; a missing root is an error naming it. */
    static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            String message = root.toAbsolutePath() + " is not a folder. Run from the repository root, or name the recordings folder.";
            throw new UncheckedIOException(message, new IOException(message));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #files}, plus the entries named like recordings that are not regular files (a directory, a link
     * loop): replay would try to read them, so verify must see them too.
     */
    static List<Path> entries(Path root) {
        files(root); // the same error for a missing root
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p) || !p.equals(root)
                    && dev.replayharness.core.key.RecordingKey.parseFileName(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    static List<Path> jsonFiles(Path root) {
        return files(root).stream().filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    }
}
