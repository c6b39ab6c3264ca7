package dev.replayharness.openai.internal;

import java.net.http.HttpHeaders;

import dev.replayharness.openai.OpenAiHttpException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns a non-2xx answer into an {@link OpenAiHttpException}. */
public final class ErrorResponses {

    /** Tried in order: Bedrock (AWS) first, then the common OpenAI-style header. */
    private static final String[] REQUEST_ID_HEADERS = {"x-amzn-RequestId", "x-request-id"};

    private ErrorResponses() {}

    public static OpenAiHttpException toException(String endpoint, int status, HttpHeaders headers, String body) {
        return new OpenAiHttpException(endpoint, status, body, messageOf(body), requestId(headers), headers.map());
    }

    /**
     * The same, with every sent header value (and the token after a scheme such as {@code Bearer})
     * removed from the body first: a server that echoes the credential must not put it into an
     * exception message or a log.
     */
    public static OpenAiHttpException toException(
            String endpoint, int status, HttpHeaders headers, String body, java.util.Map<String, String> sentHeaders) {
        String scrubbed = body;
        for (String value : sentHeaders.values()) {
            String token = value.contains(" ")
                    ? value.substring(value.indexOf(' ') + 1).trim()
                    : value;
            for (String secret : java.util.List.of(token, value)) { // the token first: "Bearer REDACTED" reads better
                if (secret.length() >= 8) {
                    scrubbed = scrubbed.replace(secret, "REDACTED");
                }
            }
        }
        return toException(endpoint, status, headers, scrubbed);
    }

    /** The request id header's value, or null. */
    public static String requestId(HttpHeaders headers) {
        for (String name : REQUEST_ID_HEADERS) {
            var value = headers.firstValue(name);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    /**
     * The message in an error body: {@code {"error":{"message":…}}} (OpenAI), {@code {"error":"…"}},
     * {@code {"message":…}} or {@code {"Message":…}} (AWS), {@code {"detail":…}} (FastAPI servers).
     * A message that is itself a JSON error body (Bedrock answers a bad content part with
     * {@code "message": "{\"error\":{\"message\":\"Model does not support image modality\",…}}"})
     * is unwrapped to the inner message. Null when the body is not JSON or has none of these.
     */
    public static String messageOf(String body) {
        return find(body, 0, "message");
    }

    /**
     * The {@code error.code} of an error body (the innermost one when the message is itself a JSON
     * error body), or null.
     */
    public static String codeOf(String body) {
        return find(body, 0, "code");
    }

    private static String find(String body, int depth, String what) {
        JsonNode root = objectOrNull(body);
        if (root == null) {
            return null;
        }
        String message = topMessage(root);
        // Bounded: a body nesting itself deeper than this is not worth unwrapping further.
        String inner = message != null && depth < 3 ? find(message, depth + 1, what) : null;
        if (inner != null) {
            return inner;
        }
        if (what.equals("message")) {
            return message;
        }
        JsonNode code = root.path("error").path("code");
        return code.isString() ? code.asString() : code.isNumber() ? code.asString() : null;
    }

    private static String topMessage(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject() && error.path("message").isString()) {
            return error.path("message").asString();
        }
        for (JsonNode candidate :
                new JsonNode[] {error, root.path("message"), root.path("Message"), root.path("detail")}) {
            if (candidate.isString()) {
                return candidate.asString();
            }
        }
        return null;
    }

    private static JsonNode objectOrNull(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonNode root = WireJson.MAPPER.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
