package dev.replayharness.awssdk.recorded;

import dev.replayharness.core.Harness;
import dev.replayharness.junit.HarnessCustomizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converse answers carry the call's {@code metrics.latencyMs}, different on every call: recorded as 0, so
 * re-recording an unchanged upstream changes nothing. (The request id header is the engine's stable id already.)
 */
public final class NativeNormalization implements HarnessCustomizer {
    @Override
    public void customize(Harness.Builder harness) {
        harness.responseNormalizer((json, key) -> {
            JsonNode metrics = json.get("metrics");
            if (metrics instanceof ObjectNode object && object.has("latencyMs")) {
                object.put("latencyMs", 0);
            }
        });
    }
}
