package dev.replayharness.bedrock;

/**
 * No answer from Bedrock: the connection failed, the request timed out, or the thread was
 * interrupted (also while waiting to retry). Not retried: a timed-out generation may still be
 * running and billed.
 */
public final class BedrockTransportException extends BedrockException {

    private final boolean timeout;

    /**
     * @param message what happened and the fix
     * @param timeout true when the cause was a timeout
     * @param cause the underlying failure
     */
    public BedrockTransportException(String message, boolean timeout, Throwable cause) {
        super(message, null, null, cause);
        this.timeout = timeout;
    }

    /** True when the request timed out. */
    public boolean isTimeout() {
        return timeout;
    }
}
