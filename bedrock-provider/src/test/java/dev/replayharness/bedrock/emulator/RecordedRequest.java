package dev.replayharness.bedrock.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the emulator received, and the request id it answered with.
 *
 * @param method the HTTP method
 * @param path the request path
 * @param headers request headers, names as the JDK server normalises them (first letter upper case)
 * @param body the raw body
 * @param requestId the {@code x-amzn-RequestId} sent back
 */
public record RecordedRequest(
        String method, String path, Map<String, List<String>> headers, String body, String requestId) {

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }
}
