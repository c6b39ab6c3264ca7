package dev.replayharness.bedrock;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every failure a {@link BedrockClient} reports. The subclass says what kind of failure;
 * the message says what happened and how to fix it, and ends with the HTTP status and Bedrock's
 * request id when a request was answered. Messages never contain the API key.
 */
public abstract sealed class BedrockException extends RuntimeException
        permits BedrockAuthenticationException,
                BedrockAccessDeniedException,
                BedrockModelNotFoundException,
                BedrockValidationException,
                BedrockRetriesExhaustedException,
                BedrockUnsupportedOperationException,
                BedrockServiceException,
                BedrockTransportException {

    private final Integer status;
    private final String requestId;

    /**
     * @param message what happened and the fix
     * @param status the HTTP status, or null when no answer was received (or no request sent)
     * @param requestId Bedrock's request id, or null
     * @param cause the underlying failure, or null
     */
    protected BedrockException(String message, Integer status, String requestId, Throwable cause) {
        super(message + suffix(status, requestId), cause);
        this.status = status;
        this.requestId = requestId;
    }

    /** The HTTP status Bedrock answered with; empty when the failure happened before or without an answer. */
    public OptionalInt httpStatus() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Bedrock's request id ({@code x-amzn-RequestId}), to quote to AWS support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    private static String suffix(Integer status, String requestId) {
        if (status == null && requestId == null) {
            return "";
        }
        return " [HTTP " + (status == null ? "-" : status) + ", request id " + (requestId == null ? "none" : requestId)
                + "]";
    }
}
