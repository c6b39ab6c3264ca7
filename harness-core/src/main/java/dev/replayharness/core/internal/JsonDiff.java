package dev.replayharness.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Field-level differences between two JSON values, as JSON Pointer paths. */
public final class JsonDiff {
    private static final int MAX_VALUE_LENGTH = 80;

    private JsonDiff() {
    }

    /** One difference: the value this request has and the value the recording has ({@code null} for absent). */
    public record Difference(String pointer, JsonNode actual, JsonNode recorded) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "(whole body)" : pointer) + ": this request has " + show(actual)
                    + ", the recording has " + show(recorded);
        }
    }

    public static List<Difference> diff(JsonNode actual, JsonNode recorded) {
        List<Difference> out = new ArrayList<>();
        diff("", actual, recorded, out);
        return out;
    }

    private static void diff(String pointer, JsonNode actual, JsonNode recorded, List<Difference> out) {
        if (actual == null || recorded == null) {
            if (actual != recorded) {
                out.add(new Difference(pointer, actual, recorded));
            }
        } else if (actual.isObject() && recorded.isObject()) {
            Set<String> names = new LinkedHashSet<>(actual.propertyNames());
            names.addAll(recorded.propertyNames());
            for (String name : names) {
                diff(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), actual.get(name), recorded.get(name), out);
            }
        } else if (actual.isArray() && recorded.isArray()) {
            for (int i = 0; i < Math.max(actual.size(), recorded.size()); i++) {
                diff(pointer + "/" + i, actual.get(i), recorded.get(i), out);
            }
        } else if (!sameValue(actual, recorded)) {
            out.add(new Difference(pointer, actual, recorded));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Jcs.number(a.doubleValue()).equals(Jcs.number(b.doubleValue()));
        }
        return a.equals(b);
    }

    static String show(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.toString();
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
