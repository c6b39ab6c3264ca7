package dev.replayharness.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;

/**
 * One session's new recordings: each is {@linkplain #begin begun} when its request goes upstream,
 * {@linkplain #stage staged} when its response body ends, and written by {@link #commit} (which
 * waits for bodies still streaming) or dropped by {@link #discard}. Thread-safe.
 */
public final class RecordingBatch {
    private final RecordingStore store;
    private final Object lock = new Object();
    private final Map<Path, Staged> staged = new LinkedHashMap<>();
    /** Recordings whose response body is still streaming: location → "METHOD path", for the error if it never ends. */
    private final Map<Path, String> inFlight = new LinkedHashMap<>();

    private boolean closed;
    private boolean discarded;

    private record Staged(RecordingKey key, int occurrence, Recording recording) {}

    RecordingBatch(RecordingStore store) {
        this.store = store;
    }

    /** A response is being recorded as the {@code occurrence}-th of {@code key}; {@code request} describes it. */
    public Pending begin(RecordingKey key, int occurrence, String request) {
        Path location = store.locate(key, occurrence);
        synchronized (lock) {
            inFlight.put(location, request);
        }
        return new Pending(location, key, occurrence);
    }

    /** A recording being made: its body has not ended yet. */
    public final class Pending {
        private final Path location;
        private final RecordingKey key;
        private final int occurrence;

        private Pending(Path location, RecordingKey key, int occurrence) {
            this.location = location;
            this.key = key;
            this.occurrence = occurrence;
        }

        public Path location() {
            return location;
        }

        /**
         * The body ended. {@code recording} is {@code null} when there is nothing to write.
         *
         * @return whether it was staged (not after {@link #commit} or {@link #discard})
         */
        public boolean stage(Recording recording) {
            synchronized (lock) {
                inFlight.remove(location);
                lock.notifyAll();
                if (recording == null || closed || discarded) {
                    return false; // after commit the batch has already reported this body as never finished
                }
                staged.put(location, new Staged(key, occurrence, recording));
                return true;
            }
        }
    }

    /**
     * Drops the staged recordings, and those still streaming when they end.
     *
     * @return the locations dropped so far
     */
    public List<Path> discard() {
        synchronized (lock) {
            discarded = true;
            List<Path> dropped = List.copyOf(staged.keySet());
            staged.clear();
            return dropped;
        }
    }

    /**
     * Waits up to {@code await} for bodies still streaming, then writes every staged recording (each
     * through {@code lastRedaction} first).
     *
     * @param redactMessage applied to the error message
     * @throws IllegalStateException naming each request whose body never ended in time (its recording is
     *     not written; the others are)
     */
    public void commit(Duration await, UnaryOperator<Recording> lastRedaction, UnaryOperator<String> redactMessage) {
        Map<Path, Staged> toWrite;
        Map<Path, String> unfinished;
        synchronized (lock) {
            long deadline = System.nanoTime() + await.toNanos();
            while (!inFlight.isEmpty() && !discarded && System.nanoTime() < deadline) {
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closed = true;
            toWrite = new LinkedHashMap<>(staged);
            unfinished = discarded ? Map.of() : new LinkedHashMap<>(inFlight);
            staged.clear();
        }
        RuntimeException failure = null;
        for (Staged s : toWrite.values()) {
            try {
                store.save(s.key(), s.occurrence(), lastRedaction.apply(s.recording()));
            } catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                } else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (!unfinished.isEmpty()) {
            IllegalStateException neverFinished =
                    new IllegalStateException(redactMessage.apply("Replay Harness: the response body of "
                            + String.join(", ", unfinished.values()) + " was never read to its end or closed within "
                            + await.toSeconds() + " s of the test's end, so its recording ("
                            + unfinished.keySet().stream().map(Path::toString).collect(Collectors.joining(", "))
                            + ") was not written. Read or close every response body (try-with-resources), "
                            + "or give the harness longer (Harness.Builder.awaitRecordings)."));
            if (failure != null) {
                neverFinished.addSuppressed(failure);
            }
            throw neverFinished;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
