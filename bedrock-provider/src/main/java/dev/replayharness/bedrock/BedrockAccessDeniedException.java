package dev.replayharness.bedrock;

/**
 * HTTP 403: the key is valid but may not invoke this model here — model access not granted, or the
 * model is not offered in the configured region.
 */
public final class BedrockAccessDeniedException extends BedrockException {

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockAccessDeniedException(String message, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
    }
}
