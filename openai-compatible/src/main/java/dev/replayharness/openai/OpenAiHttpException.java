package dev.replayharness.openai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with a non-2xx status. Carries what a provider needs to map the failure and
 * decide on a retry: the status, the raw body, the message parsed from it, the request id and the
 * response headers (e.g. {@code Retry-After}).
 */
public final class OpenAiHttpException extends OpenAiException {

    private final int status;
    private final String errorBody;
    private final String errorMessage;
    private final String requestId;
    private final Map<String, List<String>> headers;

    /**
     * @param endpoint method and URI of the failed call, for the message
     * @param status the HTTP status
     * @param errorBody the raw response body, possibly empty
     * @param errorMessage the message parsed from the body, or null when none was found
     * @param requestId the server's request id, or null
     * @param headers response headers, names as the server sent them
     */
    public OpenAiHttpException(
            String endpoint,
            int status,
            String errorBody,
            String errorMessage,
            String requestId,
            Map<String, List<String>> headers) {
        super(describe(endpoint, status, errorBody, errorMessage, requestId), null);
        this.status = status;
        this.errorBody = errorBody == null ? "" : errorBody;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.headers = Map.copyOf(headers);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The response body exactly as received; empty when there was none. */
    public String errorBody() {
        return errorBody;
    }

    /**
     * The error message found in the body ({@code error.message}, {@code message} or {@code Message}),
     * unwrapped when it is itself a JSON error body.
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * The {@code error.code} in the body, e.g. {@code validation_error}; when the message was
     * itself a JSON error body, the inner one's code.
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(dev.replayharness.openai.internal.ErrorResponses.codeOf(errorBody));
    }

    /** The request id from {@code x-amzn-RequestId}, else {@code x-request-id}. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** All response headers. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a response header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }

    /** The raw {@code Retry-After} header, seconds or an HTTP date. */
    public Optional<String> retryAfter() {
        return header("Retry-After");
    }

    private static String describe(String endpoint, int status, String body, String message, String requestId) {
        String detail = message != null ? message : abbreviate(body);
        return endpoint + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail)
                + (requestId == null ? "" : " (request id " + requestId + ")");
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
