package dev.replayharness.core.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Writes a file so that readers (other threads, other JVMs) see the old content or the new, never a part. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** A temporary file older than this was left by a writer that died (a write takes milliseconds). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    /**
     * Deletes, the first time this JVM writes into {@code dir}, the temporary files named like {@code tempName}
     * that are older than {@link #STALE_AFTER}: a writer killed between its write and its move (kill -9) leaves
     * one, and nothing else would ever remove it. A younger one may be another process's write in progress.
     */
    public static void sweepStaleOnce(Path dir, Pattern tempName) {
        if (!SWEPT.add(dir) || !Files.isDirectory(dir)) {
            return;
        }
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                dir, p -> tempName.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : entries) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            SWEPT.remove(dir); // best effort: the write itself reports a folder it cannot use
        }
    }

    /** A temporary file in the same folder, then an atomic move over the target. The file is made rw-r--r--. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                // createTempFile makes it rw-------; a committed recording or report is for everyone to read
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
