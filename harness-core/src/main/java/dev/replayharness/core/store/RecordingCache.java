package dev.replayharness.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;

/**
 * Parsed, verified recordings in wire form, so that replaying a recording a second time neither reads,
 * parses nor re-keys its file. Thread-safe; bounded by the bytes it holds, least recently used first out.
 *
 * <p>Every use checks the file with one {@code stat} ({@link Files#readAttributes}): an entry is served
 * only while the file's identity ({@link BasicFileAttributes#fileKey()}: device and inode), size and
 * last-modified time are what they were when it was read. Recordings are written by an atomic rename, so a
 * re-recorded file is a new inode; an edit in place changes the modification time. One case remains
 * that a stat cannot see: a file changed twice within the file system's timestamp granularity, keeping
 * its size. So a file modified less than {@link #SETTLE_MILLIS} ms before it was read is not cached
 * (read afresh every time until it is older), exactly as git treats a "racily clean" index entry: any
 * later change to a cached file then gets a later modification time than the one cached. File systems
 * without file keys (where {@code fileKey()} is null) are never cached.
 *
 * <p>Only files that read, parse and verify are cached: a damaged file fails the same way on every use.
 */
public final class RecordingCache {
    /** Files younger than this (by modification time, when read) are read afresh on every use. */
    public static final long SETTLE_MILLIS = 2_000;
    /** The cache every harness uses unless built with {@code replayCache(false)}. */
    private static final RecordingCache SHARED =
            new RecordingCache(32L * 1024 * 1024, 2L * 1024 * 1024, System::currentTimeMillis);

    private final long maxBytes;
    private final long maxEntryBytes;
    private final LongSupplier clock;
    private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /**
     * @param maxBytes at most this many bytes of rendered responses are kept
     * @param maxEntryBytes a larger response is not cached
     * @param clock wall-clock milliseconds, the clock file modification times are stamped with
     */
    public RecordingCache(long maxBytes, long maxEntryBytes, LongSupplier clock) {
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.clock = clock;
    }

    /** The process-wide cache. */
    public static RecordingCache shared() {
        return SHARED;
    }

    /** A recording as replay needs it: the key its request hashes to, and its response in wire form. */
    public record Verified(RecordingKey key, ReplayRenderer.Rendered rendered) {}

    /** What a file was when it was read. */
    private record Stamp(Object fileKey, long size, FileTime modified) {
        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        }
    }

    private record Entry(Stamp stamp, Verified verified, long weight) {}

    /**
     * The recording at {@code file}, or empty when there is no such file.
     *
     * @param expected the key the file's name says; a cached entry for another key is not served
     * @param verify parses nothing itself: given the file's recording, checks it against {@code expected}
     *     and renders it, or throws the error for a bad file
     * @throws dev.replayharness.core.recording.RecordingFormatException from reading or from {@code verify}
     */
    public Optional<Verified> load(Path file, RecordingKey expected, Function<Recording, Verified> verify) {
        if (!Files.exists(
                file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a link loop exists, and fails as unreadable below
            forget(file);
            return Optional.empty(); // no exception on a miss: REUSE_LAST and shared lookups miss on every exchange
        }
        long readAt = clock.getAsLong();
        Stamp stamp;
        try {
            stamp = Stamp.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            forget(file);
            return Optional.empty();
        } catch (IOException e) {
            stamp = null; // let the read below report it
        }
        if (stamp != null) {
            Entry entry;
            synchronized (this) {
                entry = entries.get(file);
            }
            if (entry != null
                    && entry.stamp.equals(stamp)
                    && entry.verified.key().equals(expected)) {
                return Optional.of(entry.verified);
            }
        }
        // The attributes were read before the content: if the file changes in between, the stamp kept
        // is older than the content, so the next use reads again; never the other way round.
        Optional<Recording> recording;
        Verified verified;
        try {
            recording = FileRecordingStore.readIfExists(file);
            verified = recording.isEmpty() ? null : verify.apply(recording.get());
        } catch (RuntimeException e) {
            forget(file);
            throw e;
        }
        if (verified == null) {
            forget(file);
            return Optional.empty();
        }
        if (stamp != null && cacheable(stamp, readAt)) {
            put(file, new Entry(stamp, verified, verified.rendered().weight()));
        } else {
            forget(file);
        }
        return Optional.of(verified);
    }

    private boolean cacheable(Stamp stamp, long readAt) {
        long modified = stamp.modified.toMillis();
        return stamp.fileKey != null && modified <= readAt - SETTLE_MILLIS;
    }

    private synchronized void put(Path file, Entry entry) {
        if (entry.weight > maxEntryBytes) {
            forgetLocked(file);
            return;
        }
        Entry old = entries.put(file, entry);
        bytes += entry.weight - (old == null ? 0 : old.weight);
        Iterator<Map.Entry<Path, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().weight;
            eldest.remove();
        }
    }

    private synchronized void forget(Path file) {
        forgetLocked(file);
    }

    private void forgetLocked(Path file) {
        Entry old = entries.remove(file);
        if (old != null) {
            bytes -= old.weight;
        }
    }

    /** How many recordings are held (for tests). */
    public synchronized int size() {
        return entries.size();
    }

    /** Bytes held (for tests). */
    public synchronized long bytes() {
        return bytes;
    }

    /** Whether {@code file} is held (for tests). */
    public synchronized boolean holds(Path file) {
        return entries.containsKey(file);
    }
}
