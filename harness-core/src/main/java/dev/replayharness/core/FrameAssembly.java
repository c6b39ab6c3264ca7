package dev.replayharness.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.replayharness.core.codec.EventStreamBodies;
import dev.replayharness.core.eventstream.EventStreamException;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;

import tools.jackson.databind.JsonNode;

/**
 * The AWS event-stream part of a recording being assembled ({@code application/vnd.amazon.eventstream}): when each
 * chunk arrived (for per-frame offsets), the readable frames, and the frame where the bytes stop being frames.
 */
final class FrameAssembly {
    private final long startNanos;
    private final boolean timed;
    /** The body's size after each chunk, and when that chunk arrived; only when timing is recorded. */
    private final List<long[]> arrivals = new ArrayList<>();
    /** Why the frames stop before the bytes do, or {@code null}. */
    private EventStreamException fault;
    /** The bytes from the bad frame on, which no frame holds. */
    private int unread;

    FrameAssembly(long startNanos, boolean timed) {
        this.startNanos = startNanos;
        this.timed = timed;
    }

    void arrived(long bodySize, long nanos) {
        if (timed) {
            arrivals.add(new long[] {bodySize, nanos});
        }
    }

    /** The frames of {@code bytes} up to the first that cannot be read; {@code null} for an empty body. */
    Body body(byte[] bytes, String exchange, UnaryOperator<JsonNode> normalize) {
        if (bytes.length == 0) {
            return null;
        }
        EventStreamBodies.Decoded decoded =
                EventStreamBodies.record(bytes, exchange, timed ? this::offsetOfByte : null, normalize);
        fault = decoded.fault();
        unread = decoded.unread();
        return decoded.frames();
    }

    /** Milliseconds from the start to the arrival of the chunk that brought byte {@code end - 1}. */
    private Long offsetOfByte(int end) {
        for (long[] arrival : arrivals) {
            if (arrival[0] >= end) {
                return (arrival[1] - startNanos) / 1_000_000;
            }
        }
        return arrivals.isEmpty() ? 0L : (arrivals.get(arrivals.size() - 1)[1] - startNanos) / 1_000_000;
    }

    /**
     * The recording's interruption, given the one the body ended with (or null). When the bytes stop being frames
     * and the body ended early anyway (the upstream failed, the caller closed it), the cut frame is the expected tail
     * and that reason stays, naming the frame; otherwise the upstream sent a bad frame, and replay fails after the
     * frames before it with a message naming the exchange and the frame.
     */
    Interruption interruption(Interruption ended) {
        if (fault == null) {
            return ended;
        }
        if (ended != null) {
            return new Interruption(
                    ended.kind(), ended.message() + " (the event stream ends inside frame " + fault.frame() + ")");
        }
        return new Interruption(
                Interruption.Kind.UPSTREAM_ERROR,
                "the upstream sent an event stream the harness cannot read: " + fault.getMessage() + " (the " + unread
                        + " bytes from that frame on are not recorded)");
    }
}
