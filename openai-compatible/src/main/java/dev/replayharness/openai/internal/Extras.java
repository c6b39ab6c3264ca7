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
     * read); null gives an empty map. JSON {@code null} values are kept as {@code NullNode}s.
     */
    public static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
