package dev.replayharness.openai;

/**
 * Base of every failure this client reports. Messages name the endpoint and what went wrong and
 * never contain request headers, so a bearer token cannot leak through them.
 */
public abstract class OpenAiException extends RuntimeException {

    protected OpenAiException(String message, Throwable cause) {
        super(message, cause);
    }
}
