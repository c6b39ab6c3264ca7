package dev.replayharness.core.recording;

/**
 * Why a recorded response body ended early. Replay delivers the recorded part of the body, then
 * fails the read with {@code message}, as the original did; except for {@link Kind#UNTERMINATED_EVENT},
 * where the body ended normally and replay ends it normally, after the last event without its blank line.
 *
 * @param kind what ended it
 * @param message the redacted error message
 */
public record Interruption(Kind kind, String message) {
    /** The message of an {@link Kind#UNTERMINATED_EVENT} interruption. */
    public static final String UNTERMINATED_EVENT_MESSAGE =
            "the upstream ended the event stream in the middle of an event: its last event has no blank line after it";

    /** What ended a body early. */
    public enum Kind {
        /** Upstream failed mid-body (connection reset, timeout, …). */
        UPSTREAM_ERROR("upstream-error"),
        /** The caller closed the body and the rest was larger than the harness drains. */
        TRUNCATED("truncated"),
        /**
         * The upstream ended an event stream in the middle of an event: the last recorded event had no blank
         * line after it, so a client's SSE parser never dispatched it. Replay sends it the same way, unfinished.
         */
        UNTERMINATED_EVENT("unterminated-event");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.value.equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(value);
        }
    }
}
