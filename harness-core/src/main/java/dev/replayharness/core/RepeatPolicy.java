package dev.replayharness.core;

/** What replay does when a test sends the same request more often than it was recorded. */
public enum RepeatPolicy {
    /** The n-th identical request replays the n-th recording; one more is a replay miss. The default. */
    SEQUENCE,
    /** Once the recorded sequence is used up, keep replaying its last recording. */
    REUSE_LAST
}
