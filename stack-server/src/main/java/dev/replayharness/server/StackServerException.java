package dev.replayharness.server;

/** The stack server cannot start or its store cannot be used; the message names what and the fix. */
public final class StackServerException extends RuntimeException {

    public StackServerException(String message) {
        super(message);
    }

    public StackServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
