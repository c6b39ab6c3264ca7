package dev.replayharness.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.JsonBodies;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;

/**
 * The streaming canonical writer (with its shortcuts for numbers that need no binary round trip) must
 * write exactly what a straightforward RFC 8785 implementation writes: here erdtman's, which parses
 * every number as a double. Seeded; the seed is in every failure message.
 */
@DisplayName("The canonical form, against a reference RFC 8785 implementation")
class CanonicalFormEquivalenceTest {
    private static final long SEED = Long.getLong("harness.test.seed", 20261121L);

    @Test
    @DisplayName("numbers of every shape, strings needing every escape, nested containers")
    void randomBodies() throws IOException, NoSuchAlgorithmException {
        Random random = new Random(SEED);
        for (int i = 0; i < 3_000; i++) {
            String body = object(random, 0);
            String expected = "{\"body\":" + new JsonCanonicalizer(body).getEncodedString()
                    + ",\"method\":\"POST\",\"path\":\"/p\",\"test\":\"T#t\"}";
            CanonicalRequest form = CanonicalRequest.of("POST", "/p", null, JsonBodies.parsed(body), List.of(), "T#t");
            assertThat(form.json()).as("seed %d, body %s", SEED, body).isEqualTo(expected);
            assertThat(form.key().hex()).as("seed %d, body %s", SEED, body).isEqualTo(sha256(expected));
        }
    }

    @Test
    @DisplayName("the benchmark bodies of both texts, as large as 100 KiB")
    void benchmarkBodies() throws IOException, NoSuchAlgorithmException {
        for (JsonBodies.Text text : JsonBodies.Text.values()) {
            for (int size : new int[] {1024, 102_400}) {
                checkBenchmarkBody(JsonBodies.ofSize(size, text), size);
            }
        }
    }

    private static void checkBenchmarkBody(String body, int size) throws IOException, NoSuchAlgorithmException {
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        String expected = "{\"body\":" + new JsonCanonicalizer(body).getEncodedString()
                + ",\"method\":\"POST\",\"path\":\"" + ChatExchange.PATH + "\"}";
        Body.Json parsed = JsonBodies.parsed(body);
        assertThat(CanonicalRequest.of("POST", ChatExchange.PATH, null, parsed, List.of(), null)
                        .key()
                        .hex())
                .isEqualTo(sha256(expected));
    }

    private static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int m = random.nextInt(6); m >= 0; m--) {
            String name = string(random);
            if (names.add(name)) {
                out.append(names.size() == 1 ? "" : ",")
                        .append(name)
                        .append(':')
                        .append(value(random, depth + 1));
            }
        }
        return out.append('}').toString();
    }

    private static String value(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(3) : random.nextInt(5);
        return switch (kind) {
            case 0 -> object(random, depth);
            case 1 -> {
                StringBuilder out = new StringBuilder("[");
                for (int e = random.nextInt(4); e >= 0; e--) {
                    out.append(out.length() > 1 ? "," : "").append(value(random, depth + 1));
                }
                yield out.append(']').toString();
            }
            case 2 -> string(random);
            case 3 -> number(random);
            default -> random.nextBoolean() ? "true" : "null";
        };
    }

    /** Integers and decimals of 1 to 25 digits, some with exponents, zeros, trailing zeros, negatives. */
    static String number(Random random) {
        StringBuilder out = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
        if (random.nextInt(10) == 0) {
            out.append('0');
        } else {
            out.append((char) ('1' + random.nextInt(9)));
            for (int d = random.nextInt(random.nextBoolean() ? 6 : 25); d > 0; d--) {
                out.append(digit(random));
            }
        }
        if (random.nextBoolean()) {
            out.append('.');
            for (int d = 1 + random.nextInt(12); d > 0; d--) {
                out.append(random.nextInt(4) == 0 ? '0' : digit(random));
            }
        }
        if (random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E')
                    .append(random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "")
                    .append(random.nextInt(30));
        }
        return out.toString();
    }

    private static char digit(Random random) {
        return (char) ('0' + random.nextInt(10));
    }

    private static String string(Random random) {
        String alphabet = "abcxyzABC019 _-/é€ü😀";
        String[] escapes = {
            "\\\"", "\\\\", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u0001", "\\u001f", "\\u007f", "\\u2028"
        };
        StringBuilder out = new StringBuilder("\"");
        for (int i = random.nextInt(10); i >= 0; i--) {
            if (random.nextInt(5) == 0) {
                out.append(escapes[random.nextInt(escapes.length)]);
            } else {
                int index = random.nextInt(alphabet.length());
                char c = alphabet.charAt(index);
                if (Character.isSurrogate(c)) {
                    out.append("😀");
                } else {
                    out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
