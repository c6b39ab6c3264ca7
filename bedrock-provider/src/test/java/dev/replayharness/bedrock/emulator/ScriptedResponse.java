package dev.replayharness.bedrock.emulator;

import java.util.Map;

/**
 * A canned answer the emulator gives to the next request instead of its normal one.
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param body the JSON body
 */
public record ScriptedResponse(int status, Map<String, String> headers, String body) {

    /** HTTP 429 as Bedrock throttles, with a {@code Retry-After} header unless it is null. */
    public static ScriptedResponse throttled(String retryAfter) {
        return new ScriptedResponse(
                429,
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
                "{\"message\":\"Too many requests, please wait before trying again.\"}");
    }

    /** HTTP 503, with a {@code Retry-After} header unless it is null. */
    public static ScriptedResponse unavailable(String retryAfter) {
        return new ScriptedResponse(
                503,
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
                "{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"service_unavailable\"}}");
    }

    /** Any status with a body. */
    public static ScriptedResponse of(int status, String body) {
        return new ScriptedResponse(status, Map.of(), body);
    }
}
