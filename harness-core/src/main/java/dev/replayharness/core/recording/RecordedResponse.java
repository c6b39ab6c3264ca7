package dev.replayharness.core.recording;

import dev.replayharness.core.http.Headers;

/**
 * The response of a recording.
 *
 * @param status HTTP status code
 * @param headers the allow-listed headers
 * @param body the body, or {@code null} when empty
 * @param interruption why the body ended early, or {@code null} when it is complete
 */
public record RecordedResponse(int status, Headers headers, Body body, Interruption interruption) {
    public RecordedResponse {
        headers = headers == null ? Headers.empty() : headers;
    }

    public boolean complete() {
        return interruption == null;
    }
}
