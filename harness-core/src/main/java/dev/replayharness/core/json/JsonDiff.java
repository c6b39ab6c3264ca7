package dev.replayharness.core.json;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Field-level differences between two JSON values, as JSON Pointer paths. */
public final class JsonDiff {
    private static final int MAX_VALUE_LENGTH = 80;

    private JsonDiff() {}

    /** One difference: the value this request has and the value the recording has ({@code null} for absent). */
    public record Difference(String pointer, JsonNode actual, JsonNode recorded) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "(whole body)" : pointer) + ": this request has " + show(actual)
                    + ", the recording has " + show(recorded);
        }
    }

    public static List<Difference> diff(JsonNode actual, JsonNode recorded) {
        return diff(actual, recorded, Integer.MAX_VALUE);
    }

    /**
     * The differences, but stops once it has found more than {@code limit} (a search for the nearest
     * recordings need not count those of a recording already too far). The pointer of each is only
     * built for a difference: a miss diffs a request against every recording of its endpoint.
     */
    public static List<Difference> diff(JsonNode actual, JsonNode recorded, int limit) {
        List<Difference> out = new ArrayList<>();
        diff(null, actual, recorded, out, limit);
        return out;
    }

    /**
     * How many differences {@link #diff} would find, counting at most {@code limit + 1}: no pointer and
     * no difference is built, for ranking many recordings before describing the few nearest.
     */
    public static int count(JsonNode actual, JsonNode recorded, int limit) {
        return count(actual, recorded, 0, limit);
    }

    private static int count(JsonNode actual, JsonNode recorded, int found, int limit) {
        if (found > limit) {
            return found;
        }
        if (actual == null || recorded == null) {
            return actual != recorded ? found + 1 : found;
        }
        if (actual.isObject() && recorded.isObject()) {
            int shared = 0;
            for (var member : actual.properties()) {
                JsonNode other = recorded.get(member.getKey());
                shared += other == null ? 0 : 1;
                found = count(member.getValue(), other, found, limit);
            }
            if (recorded.size() > shared) { // the recording has members this request lacks
                for (var member : recorded.properties()) {
                    if (!actual.has(member.getKey())) {
                        found = count(null, member.getValue(), found, limit);
                    }
                }
            }
            return found;
        }
        if (actual.isArray() && recorded.isArray()) {
            for (int i = 0; i < Math.max(actual.size(), recorded.size()); i++) {
                found = count(actual.get(i), recorded.get(i), found, limit);
            }
            return found;
        }
        return sameValue(actual, recorded) ? found : found + 1;
    }

    /** A JSON Pointer as a chain of parents, turned into a string only when a difference needs it. */
    private record Pointer(Pointer parent, String name, int index) {
        static String of(Pointer p) {
            return p == null
                    ? ""
                    : of(p.parent) + "/"
                            + (p.name == null
                                    ? Integer.toString(p.index)
                                    : p.name.replace("~", "~0").replace("/", "~1"));
        }
    }

    private static void diff(Pointer pointer, JsonNode actual, JsonNode recorded, List<Difference> out, int limit) {
        if (out.size() > limit) {
            return;
        }
        if (actual == null || recorded == null) {
            if (actual != recorded) {
                out.add(new Difference(Pointer.of(pointer), actual, recorded));
            }
        } else if (actual.isObject() && recorded.isObject()) {
            for (String name : actual.propertyNames()) { // this request's members in order, then the recording's others
                diff(new Pointer(pointer, name, 0), actual.get(name), recorded.get(name), out, limit);
            }
            for (String name : recorded.propertyNames()) {
                if (!actual.has(name)) {
                    diff(new Pointer(pointer, name, 0), null, recorded.get(name), out, limit);
                }
            }
        } else if (actual.isArray() && recorded.isArray()) {
            for (int i = 0; i < Math.max(actual.size(), recorded.size()); i++) {
                diff(new Pointer(pointer, null, i), actual.get(i), recorded.get(i), out, limit);
            }
        } else if (!sameValue(actual, recorded)) {
            out.add(new Difference(Pointer.of(pointer), actual, recorded));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.equals(b)) {
                return true;
            }
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
