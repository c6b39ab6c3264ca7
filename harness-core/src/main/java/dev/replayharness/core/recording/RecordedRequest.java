package dev.replayharness.core.recording;

import java.util.List;
import java.util.Objects;

import dev.replayharness.core.http.Headers;

/**
 * The request of a recording, as written: credentials redacted, headers allow-listed.
 *
 * @param method HTTP method
 * @param url the URL with credential query values redacted; a loopback upstream's port is omitted
 * @param headers the allow-listed headers
 * @param body the body, or {@code null} when empty
 * @param normalizers specs of the request normalizers applied to the key (not to this body)
 */
public record RecordedRequest(String method, String url, Headers headers, Body body, List<String> normalizers) {
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Headers.empty() : headers;
        normalizers = normalizers == null ? List.of() : List.copyOf(normalizers);
    }
}
