package dev.replayharness.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One request a session handled: how, and which recording file it used or wrote.
 *
 * @param outcome what happened
 * @param method the request method
 * @param path the request path
 * @param file the recording replayed or written; {@code null} for live calls and misses
 */
public record RecordingUse(Outcome outcome, String method, String path, Path file) {

    /** What a session did with a request. */
    public enum Outcome {
        REPLAYED,
        RECORDED,
        MISSED,
        LIVE,
        /** Answered by an injected fault: no recording used or written, nothing sent upstream. */
        INJECTED
    }

    public Optional<Path> recording() {
        return Optional.ofNullable(file);
    }
}
