package dev.replayharness.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Immutable HTTP headers. Names are compared case-insensitively and stored lower-cased; each name
 * keeps its values in order.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Copies a map of header values (any name case). */
    public static Headers of(Map<String, ? extends List<String>> source) {
        Builder builder = builder();
        source.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** All values of {@code name}, possibly empty. */
    public List<String> all(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Whether the content type is {@code text/event-stream} (server-sent events). */
    public boolean isEventStream() {
        return first("content-type")
                .map(ct -> ct.trim().toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
                .orElse(false);
    }

    /** Lower-cased names to values, in insertion order. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The headers whose name and value the predicate accepts. */
    public Headers filter(BiPredicate<String, String> keep) {
        Builder builder = builder();
        values.forEach(
                (name, list) -> list.stream().filter(v -> keep.test(name, v)).forEach(v -> builder.add(name, v)));
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Only the names: values may hold credentials. */
    @Override
    public String toString() {
        return "Headers" + values.keySet();
    }

    /** Collects headers; names are lower-cased. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Builder add(String name, String value) {
            values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(value);
            return this;
        }

        public Builder set(String name, String value) {
            values.remove(name.toLowerCase(Locale.ROOT));
            return add(name, value);
        }

        public Headers build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy.isEmpty() ? EMPTY : new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
