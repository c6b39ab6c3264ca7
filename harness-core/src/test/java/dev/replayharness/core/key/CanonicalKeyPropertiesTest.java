package dev.replayharness.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.recording.RecordingKey;

/**
 * Seeded randomized checks over generated JSON bodies. The seed is printed in every failure message;
 * set -Dharness.test.seed=N to replay a failing run.
 */
@DisplayName("The key over 1,000 generated bodies")
class CanonicalKeyPropertiesTest {
    private static final int BODIES = 1_000;
    private static final long SEED = Long.getLong("harness.test.seed", 20261121L);

    /** A generated JSON value: maps, lists, strings, BigDecimal numbers, booleans, null. */
    private static Object value(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i >= 0; i--) {
                    map.put(string(random), value(random, depth + 1));
                }
                return map;
            }
            case 1: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    list.add(value(random, depth + 1));
                }
                return list;
            }
            case 2:
                return string(random);
            case 3:
                return BigDecimal.valueOf(random.nextInt(200_000) - 100_000, random.nextInt(5));
            case 4:
                return random.nextBoolean();
            default:
                return null;
        }
    }

    private static String string(Random random) {
        String alphabet = "abcxyzABC019 _-\"\\/\né€😀\t";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            int index = random.nextInt(alphabet.length());
            char c = alphabet.charAt(index);
            out.append(c);
            if (Character.isHighSurrogate(c) && index + 1 < alphabet.length()) {
                out.append(alphabet.charAt(index + 1));
            } else if (Character.isLowSurrogate(c)) {
                out.setLength(out.length() - 1);
            }
        }
        return out.toString();
    }

    /** Writes JSON with shuffled members, random whitespace and a random spelling of every number. */
    private static void write(Object value, Random random, StringBuilder out, boolean vary) {
        String ws = vary && random.nextBoolean() ? " \n\t".substring(0, 1 + random.nextInt(3)) : "";
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            if (vary) {
                Collections.shuffle(entries, random);
            }
            out.append('{').append(ws);
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',').append(ws);
                }
                writeString((String) entries.get(i).getKey(), out);
                out.append(ws).append(':').append(ws);
                write(entries.get(i).getValue(), random, out, vary);
            }
            out.append(ws).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[').append(ws);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(ws).append(',');
                }
                write(list.get(i), random, out, vary);
            }
            out.append(']');
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof BigDecimal number) {
            out.append(vary ? spelling(number, random) : number.toPlainString());
        } else {
            out.append(value);
        }
    }

    /** 0.7 as 0.7, 0.70, 7E-1, 7.0e-1 or 0.0700e1. */
    private static String spelling(BigDecimal number, Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return number.toPlainString();
            case 1:
                return number.setScale(number.scale() + 1 + random.nextInt(3)).toPlainString();
            case 2:
                return number.unscaledValue() + "E-" + number.scale();
            default:
                return number.movePointLeft(2).toPlainString() + "e2";
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '/' -> out.append(out.length() % 2 == 0 ? "\\/" : "/"); // JSON allows both spellings
                // escape some non-ASCII characters, never half of a surrogate pair
                default ->
                    out.append(
                            c < 0x80 || c % 3 != 0 || Character.isSurrogate(c)
                                    ? String.valueOf(c)
                                    : String.format("\\u%04X", (int) c));
            }
        }
        out.append('"');
    }

    private static RecordingKey key(String json) {
        return CanonicalRequestTest.of("POST", "http://h/v1/chat/completions", json, null)
                .key();
    }

    @Test
    @DisplayName("key order, whitespace, escapes and number spelling never change the key")
    void invariance() {
        Random random = new Random(SEED);
        for (int i = 0; i < BODIES; i++) {
            Object body = value(random, 0);
            StringBuilder plain = new StringBuilder();
            write(body, random, plain, false);
            StringBuilder varied = new StringBuilder();
            write(body, random, varied, true);
            assertThat(key(varied.toString()))
                    .as("seed %d, body %d:%n  %s%n  %s", SEED, i, plain, varied)
                    .isEqualTo(key(plain.toString()));
        }
    }

    @Test
    @DisplayName("changing any one value changes the key")
    void sensitivity() {
        Random random = new Random(SEED + 1);
        int checked = 0;
        for (int i = 0; checked < BODIES; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", "m");
            body.put("payload", value(random, 1));
            StringBuilder before = new StringBuilder();
            write(body, random, before, false);
            if (!mutateOneLeaf(body, random)) {
                continue;
            }
            StringBuilder after = new StringBuilder();
            write(body, random, after, false);
            assertThat(key(after.toString()))
                    .as("seed %d, body %d:%n  %s%n  %s", SEED + 1, i, before, after)
                    .isNotEqualTo(key(before.toString()));
            checked++;
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean mutateOneLeaf(Object container, Random random) {
        if (container instanceof Map<?, ?> map && !map.isEmpty()) {
            List<String> keys = new ArrayList<>(((Map<String, Object>) map).keySet());
            String key = keys.get(random.nextInt(keys.size()));
            Object child = map.get(key);
            if (child instanceof Map || child instanceof List) {
                return mutateOneLeaf(child, random);
            }
            ((Map<String, Object>) map).put(key, changed(child));
            return true;
        }
        if (container instanceof List<?> list && !list.isEmpty()) {
            int index = random.nextInt(list.size());
            Object child = list.get(index);
            if (child instanceof Map || child instanceof List) {
                return mutateOneLeaf(child, random);
            }
            ((List<Object>) list).set(index, changed(child));
            return true;
        }
        return false;
    }

    private static Object changed(Object leaf) {
        if (leaf instanceof String s) {
            return s + "x";
        }
        if (leaf instanceof BigDecimal n) {
            return n.add(BigDecimal.ONE);
        }
        if (leaf instanceof Boolean b) {
            return !b;
        }
        return 0;
    }
}
