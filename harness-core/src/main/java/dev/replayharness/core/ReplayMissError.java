package dev.replayharness.core;

import org.opentest4j.AssertionFailedError;

/**
 * Replay found no recording for a request. A test failure, not an error: the message holds the
 * redacted canonical request, the files looked for, the nearest recordings with a field-level diff,
 * and the command that records it. When there is a nearest recording, {@link #getExpected()} is
 * its request body and {@link #getActual()} this request's, so IDEs offer a diff.
 */
public class ReplayMissError extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    public ReplayMissError(String message) {
        super(message);
    }

    public ReplayMissError(String message, String nearestRecordedBody, String requestBody) {
        super(message, nearestRecordedBody, requestBody);
    }
}
