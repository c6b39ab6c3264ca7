package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.List;

import dev.replayharness.core.json.JsonDiff;
import dev.replayharness.core.recording.RecordedRequest;

import tools.jackson.databind.JsonNode;

/**
 * A recording of the same endpoint as a request that had none, and how its body differs.
 *
 * @param location where it is stored
 * @param testId the test it belongs to, {@code null} when shared
 * @param request its request, without the body
 * @param body its request body as the key sees it (normalized JSON, else the text), or {@code null}
 * @param sameTest whether it belongs to the test that missed
 * @param differences the body differences, this request's value against the recording's
 */
public record NearMiss(
        Path location,
        String testId,
        RecordedRequest request,
        JsonNode body,
        boolean sameTest,
        List<JsonDiff.Difference> differences) {

    /** A request's body as the key sees it (normalized JSON, else its text as a string), as {@link #body} is. */
    public static JsonNode keyedBody(RecordedRequest request) {
        return RecordingChecks.keyedBody(request);
    }
}
