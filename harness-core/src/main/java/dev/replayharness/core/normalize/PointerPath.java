package dev.replayharness.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Pointer (RFC 6901) in which a {@code *} segment matches every member or element. The
 * empty pointer is the whole document.
 */
public final class PointerPath {
    private static final PointerPath EVERY_VALUE = new PointerPath(List.of(), true);

    private final List<String> segments;
    private final boolean everyValue;

    private PointerPath(List<String> segments, boolean everyValue) {
        this.segments = List.copyOf(segments);
        this.everyValue = everyValue;
    }

    /** Parses {@code ""} or {@code /a/b~1c/*}. */
    public static PointerPath parse(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return new PointerPath(List.of(), false);
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException(
                    "a JSON Pointer must be empty or start with '/', but is '" + pointer + "'");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new PointerPath(segments, false);
    }

    /** Every scalar value anywhere in the document (used by patterns and rounding). */
    static PointerPath everyValue() {
        return EVERY_VALUE;
    }

    public boolean isRoot() {
        return segments.isEmpty() && !everyValue;
    }

    static boolean isIndex(String segment, int size) {
        if (segment.isEmpty() || !segment.chars().allMatch(Character::isDigit) || segment.length() > 9) {
            return false;
        }
        return Integer.parseInt(segment) < size;
    }

    /** Calls {@code action} with each (container, member name) the pointer's last segment names. */
    void forEachParent(JsonNode root, BiConsumer<JsonNode, String> action) {
        List<JsonNode> parents = List.of(root);
        for (String segment : segments.subList(0, segments.size() - 1)) {
            parents = step(parents, segment);
        }
        String last = segments.get(segments.size() - 1);
        for (JsonNode parent : parents) {
            if ("*".equals(last)) {
                List<String> names = new ArrayList<>();
                if (parent.isObject()) {
                    parent.propertyNames().forEach(names::add);
                } else if (parent.isArray()) {
                    for (int i = parent.size() - 1; i >= 0; i--) {
                        names.add(Integer.toString(i)); // from the end, so removals keep earlier indexes valid
                    }
                }
                names.forEach(name -> action.accept(parent, name));
            } else {
                action.accept(parent, last);
            }
        }
    }

    /** Replaces each value the pointer names (each scalar, for {@link #everyValue()}). */
    void replaceAll(JsonNode root, UnaryOperator<JsonNode> replacement) {
        if (everyValue) {
            replaceLeaves(root, replacement);
            return;
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(
                    "the whole body cannot be replaced; name a member with a pointer such as /field");
        }
        forEachParent(root, (parent, name) -> {
            if (parent instanceof ObjectNode object && object.has(name)) {
                object.set(name, replacement.apply(object.get(name)));
            } else if (parent instanceof ArrayNode array && isIndex(name, array.size())) {
                int index = Integer.parseInt(name);
                array.set(index, replacement.apply(array.get(index)));
            }
        });
    }

    private static void replaceLeaves(JsonNode node, UnaryOperator<JsonNode> replacement) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                if (e.getValue().isContainer()) {
                    replaceLeaves(e.getValue(), replacement);
                } else {
                    object.set(e.getKey(), replacement.apply(e.getValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainer()) {
                    replaceLeaves(array.get(i), replacement);
                } else {
                    array.set(i, replacement.apply(array.get(i)));
                }
            }
        }
    }

    private static List<JsonNode> step(List<JsonNode> nodes, String segment) {
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode node : nodes) {
            if ("*".equals(segment)) {
                node.forEach(next::add);
            } else if (node.isObject() && node.has(segment)) {
                next.add(node.get(segment));
            } else if (node.isArray() && isIndex(segment, node.size())) {
                next.add(node.get(Integer.parseInt(segment)));
            }
        }
        return next;
    }

    @Override
    public String toString() {
        if (everyValue) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        segments.forEach(s -> out.append('/').append(s.replace("~", "~0").replace("/", "~1")));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointerPath other && segments.equals(other.segments) && everyValue == other.everyValue;
    }

    @Override
    public int hashCode() {
        return segments.hashCode() * 2 + (everyValue ? 1 : 0);
    }
}
