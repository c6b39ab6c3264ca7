package dev.replayharness.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code stop} parameter, which the wire accepts as one string or a list of strings. The
 * form is kept so a request is sent back exactly as it was built or read.
 *
 * @param sequences the stop sequences
 * @param single true when written as a single string
 */
public record Stop(List<String> sequences, boolean single) {

    public Stop {
        sequences = List.copyOf(sequences);
        if (single && sequences.size() != 1) {
            throw new IllegalArgumentException("a single-string stop needs exactly one sequence, got " + sequences);
        }
    }

    /** {@code "stop": "sequence"}. */
    public static Stop of(String sequence) {
        return new Stop(List.of(sequence), true);
    }

    /** {@code "stop": ["a", "b"]}. */
    public static Stop of(List<String> sequences) {
        return new Stop(sequences, false);
    }

    @JsonValue
    Object wireValue() {
        return single ? sequences.get(0) : sequences;
    }

    @JsonCreator
    static Stop fromWire(Object value) {
        if (value instanceof String text) {
            return of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return of(list.stream().map(String.class::cast).toList());
        }
        throw new IllegalArgumentException("\"stop\" must be a string or a list of strings, got " + value);
    }
}
