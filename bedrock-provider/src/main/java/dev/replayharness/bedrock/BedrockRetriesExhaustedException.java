package dev.replayharness.bedrock;

/**
 * Bedrock kept answering with a transient failure (HTTP 408, 429 or 5xx) until the
 * {@link RetryPolicy} ran out of attempts or time. Carries the last answer's status and request id.
 */
public final class BedrockRetriesExhaustedException extends BedrockException {

    private final int attempts;

    /**
     * @param message what happened and the fix
     * @param attempts how many requests were sent
     * @param status the last HTTP status
     * @param requestId the last request id, or null
     * @param cause the last failure
     */
    public BedrockRetriesExhaustedException(
            String message, int attempts, int status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
        this.attempts = attempts;
    }

    /** How many requests were sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
