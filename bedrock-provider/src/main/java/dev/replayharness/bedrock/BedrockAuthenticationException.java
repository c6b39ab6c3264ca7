package dev.replayharness.bedrock;

/**
 * The API key was refused: HTTP 401 from Bedrock, or found unusable before sending (an expired or
 * malformed short-term key). The message says how to get a working key.
 */
public final class BedrockAuthenticationException extends BedrockException {

    private final boolean expired;

    /**
     * @param message what happened and the fix
     * @param expired true when the key has expired
     * @param status the HTTP status, or null when the key was refused before sending
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockAuthenticationException(
            String message, boolean expired, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
        this.expired = expired;
    }

    /** True when the key has expired (short-term keys last at most 12 hours). */
    public boolean isExpired() {
        return expired;
    }
}
