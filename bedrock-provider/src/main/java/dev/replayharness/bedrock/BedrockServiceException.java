package dev.replayharness.bedrock;

/**
 * Any other answer Bedrock gave that is not a completion: an unexpected HTTP status, or a 2xx
 * body that is not a chat completion.
 */
public final class BedrockServiceException extends BedrockException {

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockServiceException(String message, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
    }
}
