package dev.replayharness.openai;

import java.net.http.HttpTimeoutException;

/**
 * No usable HTTP answer: the connection failed, the request timed out, the response body broke
 * off, or the calling thread was interrupted.
 */
public final class OpenAiTransportException extends OpenAiException {

    /** A transport failure described by {@code message}, caused by {@code cause}. */
    public OpenAiTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the failure was a timeout (connect or request). */
    public boolean isTimeout() {
        return getCause() instanceof HttpTimeoutException;
    }
}
