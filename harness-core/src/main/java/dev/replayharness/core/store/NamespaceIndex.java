package dev.replayharness.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;

/**
 * What the nearest-recording search needs of every recording in one folder, parsed once and kept
 * fresh by stat stamps: a miss lists the folder and stats each file, and parses only files that are
 * new or changed since (or were modified within {@link RecordingCache#SETTLE_MILLIS}, whose stamp a
 * second change could leave as it was). Thread-safe.
 */
final class NamespaceIndex {
    private final Path directory;
    private final LongSupplier clock;
    private final Map<Path, Entry> entries = new HashMap<>();
    /** The folder as it was when last listed: while it is the same (and settled), no file was added, removed or renamed. */
    private Entry listed;

    /** A file as it was when indexed; {@code indexed} is empty when it could not be read or parsed. */
    private record Entry(
            Object fileKey, long size, FileTime modified, boolean settled, Optional<NearestSearch.Indexed> indexed) {
        boolean current(BasicFileAttributes a) {
            return settled
                    && fileKey != null
                    && fileKey.equals(a.fileKey())
                    && size == a.size()
                    && modified.equals(a.lastModifiedTime());
        }
    }

    NamespaceIndex(Path directory, LongSupplier clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Every readable recording in the folder now. */
    synchronized List<NearestSearch.Indexed> recordings() {
        BasicFileAttributes folder;
        try {
            folder = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (IOException e) {
            folder = null;
        }
        if (folder == null || !folder.isDirectory()) {
            entries.clear();
            listed = null;
            return List.of();
        }
        List<NearestSearch.Indexed> out = new ArrayList<>();
        if (listed != null && listed.current(folder)) {
            // Same folder, same modification time: the same names. Each file is still checked for edits in place.
            for (Path file : List.copyOf(entries.keySet())) {
                refresh(file).ifPresent(out::add);
            }
            return out;
        }
        listed = stamp(folder, clock.getAsLong(), Optional.empty());
        Set<Path> seen = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (!entries.containsKey(file)
                        && RecordingKey.parseFileName(file.getFileName().toString())
                                .isEmpty()) {
                    continue;
                }
                seen.add(file);
                refresh(file).ifPresent(out::add);
            }
        } catch (IOException e) {
            listed = null;
            return List.of();
        }
        entries.keySet().retainAll(seen);
        return out;
    }

    private Optional<NearestSearch.Indexed> refresh(Path file) {
        long now = clock.getAsLong();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            entries.remove(file); // gone since the folder was listed: the next miss lists it again
            listed = null;
            return Optional.empty();
        }
        Entry entry = entries.get(file);
        if (entry != null && entry.current(attributes)) {
            return entry.indexed();
        }
        Optional<NearestSearch.Indexed> indexed;
        try {
            indexed = Optional.of(NearestSearch.Indexed.of(file, FileRecordingStore.read(file)));
        } catch (RecordingFormatException | IllegalArgumentException e) {
            indexed = Optional.empty(); // an unreadable file is reported when it is replayed or verified, not here
        }
        entries.put(file, stamp(attributes, now, indexed));
        return indexed;
    }

    /** A stamp is trusted only when the file was last modified a while before it was taken (see RecordingCache). */
    private static Entry stamp(BasicFileAttributes a, long now, Optional<NearestSearch.Indexed> indexed) {
        boolean settled = a.lastModifiedTime().toMillis() <= now - RecordingCache.SETTLE_MILLIS;
        return new Entry(a.fileKey(), a.size(), a.lastModifiedTime(), settled, indexed);
    }
}
