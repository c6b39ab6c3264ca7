package dev.replayharness.bedrock;

/**
 * An operation Bedrock's OpenAI-compatible endpoint does not offer (text completions, embeddings).
 * Raised before any request is sent; the message says what to use instead. Tool calling is not
 * one of them: Bedrock answers requests with {@code tools}, with tool calls where the model makes them.
 */
public final class BedrockUnsupportedOperationException extends BedrockException {

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    public BedrockUnsupportedOperationException(String message, Integer status, String requestId, Throwable cause) {
        super(message, status, requestId, cause);
    }
}
