package dev.replayharness.core.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the declaration syntax writes them: {@code 250ms}, {@code 2s}, {@code 1m}. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(-?\\d+)(ms|s|m)");

    private Durations() {}

    static Duration requireNonNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " duration " + format(duration) + " is negative");
        }
        return duration;
    }

    /** Parses {@code value}, or explains the syntax naming {@code what}. */
    static Duration parse(String value, String what) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    what + "=" + value + " is not a duration: write a whole number with ms, s or m, e.g. 250ms or 2s");
        }
        Duration d;
        try {
            long amount = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            d.toMillis(); // every wait is taken in milliseconds
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw new IllegalArgumentException(
                    what + "=" + value + " is too long to wait in milliseconds; write a shorter one, e.g. 30s or 10m");
        }
        return requireNonNegative(d, what);
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
