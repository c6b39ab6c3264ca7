package dev.replayharness.core.eventstream;

/**
 * An event stream that cannot be read or written: names where it came from (a file or an exchange), the frame
 * number (from 1) and what is wrong with it.
 */
public final class EventStreamException extends RuntimeException {
    private final int frame;

    EventStreamException(String where, int frame, String problem, Throwable cause) {
        super("Event stream of " + where + ", frame " + frame + ": " + problem, cause);
        this.frame = frame;
    }

    /** The frame at fault, counted from 1. */
    public int frame() {
        return frame;
    }
}
