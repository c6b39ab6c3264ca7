package dev.replayharness.core.normalize;

import dev.replayharness.core.recording.RecordingKey;

import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a JSON response object before it is written, so that re-recording an unchanged upstream
 * writes the same file. Applied to a JSON body, to the JSON data of each server-sent event, and to each AWS
 * event-stream frame's {@code json} payload and unwrapped {@code chunk}.
 */
@FunctionalInterface
public interface ResponseNormalizer {

    /** Rewrites {@code json} in place; {@code key} is the recording's key. */
    void normalize(ObjectNode json, RecordingKey key);

    /** Replaces the top-level string {@code field} by {@code rec-<first 12 hex digits of the key>}. */
    static ResponseNormalizer stableId(String field) {
        return (json, key) -> {
            if (json.has(field) && json.get(field).isString()) {
                json.put(field, key.stableId());
            }
        };
    }

    /** Replaces the top-level number {@code field} (e.g. a {@code created} timestamp) by 0. */
    static ResponseNormalizer zero(String field) {
        return (json, key) -> {
            if (json.has(field) && json.get(field).isNumber()) {
                json.put(field, 0);
            }
        };
    }

    /** OpenAI-compatible responses: {@code id} → {@code rec-…}, {@code created} → 0. */
    static ResponseNormalizer openAiCompatible() {
        ResponseNormalizer id = stableId("id");
        ResponseNormalizer created = zero("created");
        return (json, key) -> {
            id.normalize(json, key);
            created.normalize(json, key);
        };
    }
}
