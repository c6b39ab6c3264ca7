package dev.replayharness.bedrock;

/**
 * The model is unknown: not registered with the client (no request sent), or HTTP 404 from Bedrock.
 */
public final class BedrockModelNotFoundException extends BedrockException {

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockModelNotFoundException(String message, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
    }
}
