package dev.replayharness.core.replay;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A replayed body handed out one recorded chunk at a time, each after its recorded delay, then an
 * ending: completion, or the recorded interruption. This is the one place where replay walks the
 * recorded chunks; every way of delivering a replayed body reads it: the blocking stream
 * ({@link ReplayedResponse#openBody}), the {@code Flow} publisher ({@link ReplayPublisher}, used by the
 * {@code java.net.http} adapter), the Apache async adapter and the AWS SDK's async client. Not thread-safe: one reader at a time
 * (a publisher hands it from thread to thread under its own lock).
 */
public final class ChunkSource {
    private final ReplayedResponse response;
    private final Sleeper sleeper;
    private int next;

    ChunkSource(ReplayedResponse response, Sleeper sleeper) {
        this.response = response;
        this.sleeper = sleeper;
    }

    /** Whether a chunk is left; when not, the body ends with {@link #failure()}. */
    public boolean hasNext() {
        return next < response.chunks().size();
    }

    /** The next chunk's length, without waiting for it (0 when none is left). */
    public int nextLength() {
        return hasNext() ? response.chunks().get(next).length : 0;
    }

    /**
     * The next chunk, after waiting its recorded delay (all zero unless timing is replayed).
     *
     * @throws InterruptedIOException when the wait is interrupted (the thread's interrupt flag is set again)
     * @throws java.util.NoSuchElementException when no chunk is left
     */
    public byte[] next() throws InterruptedIOException {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no recorded chunk left (" + next + " delivered)");
        }
        pause(response.delaysMs().get(next));
        return response.chunks().get(next++);
    }

    /** Whether the body ends in a failure after the last chunk (without building it, as {@link #failure()} does). */
    public boolean endsInFailure() {
        return response.interruption().isPresent();
    }

    /** How the body ends after the last chunk: empty for completion, else the recorded interruption. */
    public Optional<IOException> failure() {
        return response.failure();
    }

    private void pause(long millis) throws InterruptedIOException {
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while replaying recorded timing");
        }
    }
}
