package dev.replayharness.core.recording;

/**
 * Why a recorded response body ended early. Replay delivers the recorded part of the body, then
 * fails the read with {@code message}, as the original did.
 *
 * @param kind what ended it
 * @param message the redacted error message
 */
public record Interruption(Kind kind, String message) {

    /** What ended a body early. */
    public enum Kind {
        /** Upstream failed mid-body (connection reset, timeout, …). */
        UPSTREAM_ERROR("upstream-error"),
        /** The caller closed the body and the rest was larger than the harness drains. */
        TRUNCATED("truncated");

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
