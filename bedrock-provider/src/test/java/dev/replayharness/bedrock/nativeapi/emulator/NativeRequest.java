package dev.replayharness.bedrock.nativeapi.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the native emulator received.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, percent-encoding kept (the SDK sends the model id's colon as {@code %3A})
 * @param headers request headers, names as the JDK server normalises them
 * @param body the raw body
 */
public record NativeRequest(String method, String rawPath, Map<String, List<String>> headers, String body) {

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }
}
