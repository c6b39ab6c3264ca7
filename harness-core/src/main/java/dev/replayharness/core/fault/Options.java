package dev.replayharness.core.fault;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code name=value} tokens of one declaration, each taken once; any left over is unknown. */
final class Options {
    private final Map<String, String> tokens;

    Options(Map<String, String> tokens) {
        this.tokens = new HashMap<>(tokens);
    }

    Optional<String> take(String name) {
        return Optional.ofNullable(tokens.remove(name));
    }

    boolean flag(String name) {
        Optional<String> value = take(name);
        if (value.isPresent() && !value.get().isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' takes no value (found '" + value.get() + "')");
        }
        return value.isPresent();
    }

    /** A required count (0 or more). */
    int count(String name) {
        int n = integer(name, take(name).orElse(""));
        if (n < 0) {
            throw new IllegalArgumentException(name + "=" + n + " is negative");
        }
        return n;
    }

    int number(String name, int otherwise) {
        return take(name).map(v -> integer(name, v)).orElse(otherwise);
    }

    Duration duration(String name, Duration otherwise) {
        Optional<String> value = take(name);
        if (value.isEmpty() && otherwise == null) {
            throw new IllegalArgumentException(name + " needs a duration, e.g. " + name + "=2s");
        }
        return value.map(v -> Durations.parse(v, name)).orElse(otherwise);
    }

    void requireAllUsed() {
        if (!tokens.isEmpty()) {
            throw new IllegalArgumentException("unknown option '"
                    + tokens.keySet().iterator().next() + "' (or one that this fault kind does not take)");
        }
    }

    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a whole number");
        }
    }
}
