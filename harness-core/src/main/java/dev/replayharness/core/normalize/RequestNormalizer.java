package dev.replayharness.core.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.StringNode;

/**
 * Changes a JSON request body before it is keyed: the recorded body keeps the real (redacted)
 * value. Every normalizer has a {@link #spec()} that {@link #parse} reads back, so a recording can
 * say which normalizers made its key.
 *
 * <p>Paths are JSON Pointers (RFC 6901) where a {@code *} segment matches every member or element,
 * e.g. {@code /messages/*}{@code /name}.
 */
public sealed interface RequestNormalizer
        permits RequestNormalizer.Drop, RequestNormalizer.Mask, RequestNormalizer.MaskPattern, RequestNormalizer.Round {

    /** What a masked value becomes. */
    String MASK = "<masked>";

    /** Applies this normalizer to {@code body} in place (the caller passes a copy). */
    void apply(JsonNode body);

    /** The spec string, e.g. {@code drop /metadata}. */
    String spec();

    /** Removes the member(s) at {@code pointer}. */
    static RequestNormalizer drop(String pointer) {
        return new Drop(PointerPath.parse(pointer));
    }

    /** Replaces the value(s) at {@code pointer} by {@value #MASK}. */
    static RequestNormalizer mask(String pointer) {
        return new Mask(PointerPath.parse(pointer));
    }

    /** Replaces every match of {@code regex} in every string value by {@value #MASK}. */
    static RequestNormalizer maskPattern(String regex) {
        return new MaskPattern(regex);
    }

    /** Rounds the number(s) at {@code pointer} ({@code ""} for every number) to {@code digits} decimal places, half-even. */
    static RequestNormalizer round(int digits, String pointer) {
        return new Round(digits, PointerPath.parse(pointer));
    }

    /**
     * Parses a spec: {@code drop POINTER}, {@code mask POINTER}, {@code mask-regex REGEX},
     * {@code round DIGITS [POINTER]}.
     *
     * @throws IllegalArgumentException naming the spec and the accepted forms
     */
    static RequestNormalizer parse(String spec) {
        String trimmed = spec == null ? "" : spec.trim();
        int space = trimmed.indexOf(' ');
        String kind = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1);
        try {
            switch (kind) {
                case "drop":
                    return drop(argument);
                case "mask":
                    return mask(argument);
                case "mask-regex":
                    return maskPattern(argument);
                case "round":
                    String[] parts = argument.split(" ", 2);
                    return round(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "");
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid request normalizer '" + spec + "': " + e.getMessage()
                            + ". Accepted: 'drop /pointer', 'mask /pointer', 'mask-regex REGEX', 'round DIGITS [/pointer]'.",
                    e);
        }
        throw new IllegalArgumentException("Unknown request normalizer '" + spec
                + "'. Accepted: 'drop /pointer', 'mask /pointer', 'mask-regex REGEX', 'round DIGITS [/pointer]'.");
    }

    /** See {@link #drop}. */
    record Drop(PointerPath path) implements RequestNormalizer {
        public Drop {
            if (path.isRoot()) {
                throw new IllegalArgumentException("cannot drop the whole body");
            }
        }

        @Override
        public void apply(JsonNode body) {
            path.forEachParent(body, (parent, name) -> {
                if (parent.isObject()) {
                    ((tools.jackson.databind.node.ObjectNode) parent).remove(name);
                } else if (parent.isArray() && PointerPath.isIndex(name, parent.size())) {
                    ((tools.jackson.databind.node.ArrayNode) parent).remove(Integer.parseInt(name));
                }
            });
        }

        @Override
        public String spec() {
            return "drop " + path;
        }
    }

    /** See {@link #mask}. */
    record Mask(PointerPath path) implements RequestNormalizer {
        @Override
        public void apply(JsonNode body) {
            path.replaceAll(body, old -> StringNode.valueOf(MASK));
        }

        @Override
        public String spec() {
            return "mask " + path;
        }
    }

    /** See {@link #maskPattern}. */
    record MaskPattern(String regex) implements RequestNormalizer {
        public MaskPattern {
            Objects.requireNonNull(regex, "regex");
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
            }
        }

        @Override
        public void apply(JsonNode body) {
            Pattern pattern = Pattern.compile(regex);
            PointerPath.everyValue()
                    .replaceAll(
                            body,
                            old -> old.isString()
                                    ? StringNode.valueOf(
                                            pattern.matcher(old.stringValue()).replaceAll(MASK))
                                    : old);
        }

        @Override
        public String spec() {
            return "mask-regex " + regex;
        }
    }

    /** See {@link #round}. */
    record Round(int digits, PointerPath path) implements RequestNormalizer {
        public Round {
            if (digits < 0 || digits > 15) {
                throw new IllegalArgumentException("digits must be from 0 to 15, but is " + digits);
            }
        }

        @Override
        public void apply(JsonNode body) {
            PointerPath target = path.isRoot() ? PointerPath.everyValue() : path;
            target.replaceAll(
                    body,
                    old -> old.isNumber()
                            ? DecimalNode.valueOf(
                                    new BigDecimal(old.asString()).setScale(digits, RoundingMode.HALF_EVEN))
                            : old);
        }

        @Override
        public String spec() {
            return path.isRoot() ? "round " + digits : "round " + digits + " " + path;
        }
    }
}
