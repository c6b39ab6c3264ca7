package dev.replayharness.core.recording;

import java.util.Objects;
import java.util.Optional;

/**
 * One recorded exchange: the content of one recording file.
 *
 * @param format the format version; {@value #FORMAT_VERSION} for files this version writes
 * @param testId the test that made it, or {@code null} for a shared (test-agnostic) recording
 * @param source where the response came from: {@code live}, {@code emulator}, {@code imported}, …
 * @param request the request
 * @param response the response
 */
public record Recording(int format, String testId, String source, RecordedRequest request, RecordedResponse response) {

    /** The format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public Recording {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }

    public Optional<String> test() {
        return Optional.ofNullable(testId);
    }
}
