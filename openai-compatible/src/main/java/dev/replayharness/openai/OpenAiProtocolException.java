package dev.replayharness.openai;

/**
 * The server answered, but not in the Chat Completions protocol: a body that is not the expected
 * JSON, a 2xx without choices, or an error event in the middle of a stream.
 */
public final class OpenAiProtocolException extends OpenAiException {

    /** A protocol failure described by {@code message}. */
    public OpenAiProtocolException(String message) {
        super(message, null);
    }

    /** A protocol failure caused by {@code cause}, typically a JSON parse error. */
    public OpenAiProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
