package dev.replayharness.openai;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Servers name the separate reasoning field {@code reasoning} (vLLM, Ollama) or {@code reasoning_content} (older vLLM). */
final class ReasoningField {

    static final String LEGACY_NAME = "reasoning_content";

    private ReasoningField() {}

    static String of(String reasoning, Map<String, JsonNode> extra) {
        if (reasoning != null) {
            return reasoning;
        }
        JsonNode legacy = extra.get(LEGACY_NAME);
        return legacy != null && legacy.isString() ? legacy.asString() : null;
    }
}
