package dev.replayharness.bedrock;

/**
 * HTTP 400: Bedrock refused the request as invalid; the message quotes Bedrock's reason.
 */
public final class BedrockValidationException extends BedrockException {

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockValidationException(String message, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
    }
}
