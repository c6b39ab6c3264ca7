package dev.replayharness.awssdk.recorded;

import dev.replayharness.core.Harness;
import dev.replayharness.junit.HarnessCustomizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converse answers (and a ConverseStream's {@code metadata} frame) carry the call's {@code metrics.latencyMs}, and the
 * last InvokeModel stream chunk its {@code amazon-bedrock-invocationMetrics} latencies, different on every call:
 * recorded as 0, so re-recording an unchanged upstream changes nothing. (The engine applies response normalizers to
 * each event-stream frame's JSON and unwrapped chunk, drops the frames' random {@code p} padding itself, and writes
 * the request id header as the stable id already.)
 */
public final class NativeNormalization implements HarnessCustomizer {
    @Override
    public void customize(Harness.Builder harness) {
        harness.responseNormalizer((json, key) -> {
            JsonNode metrics = json.get("metrics");
            if (metrics instanceof ObjectNode object && object.has("latencyMs")) {
                object.put("latencyMs", 0);
            }
            JsonNode invocation = json.get("amazon-bedrock-invocationMetrics");
            if (invocation instanceof ObjectNode object) {
                for (String latency : new String[] {"invocationLatency", "firstByteLatency"}) {
                    if (object.has(latency)) {
                        object.put(latency, 0);
                    }
                }
            }
        });
    }
}
