package dev.replayharness.openai.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Copies of the {@code extra} maps that keep wire fields the types do not model. */
public final class Extras {

    private Extras() {}

    /**
     * An unmodifiable copy in insertion order (so the wire form is written back in the order it was
     * read), each tree copied too (a caller changing its tree later must not change the object); null
     * gives an empty map. JSON {@code null} values are kept as {@code NullNode}s.
     */
    public static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extra.forEach((name, value) -> copy.put(name, value == null ? null : value.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** A copy of a tree held by a wire object, or null. */
    public static JsonNode copy(JsonNode json) {
        return json == null ? null : json.deepCopy();
    }
}
