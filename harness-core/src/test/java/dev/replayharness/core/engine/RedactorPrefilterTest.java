package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.json.Json;
import dev.replayharness.core.redact.Redactor;

import tools.jackson.databind.JsonNode;

@DisplayName("Redactor: the literal prefilter never skips a credential the patterns alone would find")
class RedactorPrefilterTest {
    /** The patterns as they were before the prefilter, run unconditionally: the reference. */
    private static final Pattern BEARER =
            Pattern.compile("(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{20,}=*");

    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("bedrock-api-key-[A-Za-z0-9+/=_%-]+"),
            Pattern.compile("ABSK[A-Za-z0-9+/=]{20,}"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}"));
    private static final List<String> PIECES = List.of(
            "Bearer ",
            "bEaReR\t",
            "BASIC ",
            "basic",
            "bearer",
            "b",
            "B",
            "sk-",
            "s",
            "k-",
            "AKIA",
            "ASIA",
            "AKI",
            "ABSK",
            "bedrock-api-key-",
            "bedrock-api-key",
            "a1B2c3D4e5F6g7H8i9J0",
            "0123456789ABCDEF",
            "Z",
            "_",
            "-",
            ".",
            "=",
            " ",
            "\n",
            "é",
            "€",
            "ı",
            "ſ",
            "K",
            "\"",
            "{",
            "😀",
            "x");

    private static String reference(String text) {
        Matcher bearer = BEARER.matcher(text);
        String result =
                bearer.find() ? bearer.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " REDACTED")) : text;
        for (Pattern pattern : TOKENS) {
            Matcher m = pattern.matcher(result);
            if (m.find()) {
                result = m.replaceAll("REDACTED");
            }
        }
        return result;
    }

    @Test
    @DisplayName("random mixes of pattern fragments redact exactly as the bare patterns do (seeded)")
    void sameAsPatternsAlone() {
        long seed = System.nanoTime();
        System.out.println("RedactorPrefilterTest seed=" + seed);
        Random random = new Random(seed);
        Redactor redactor = new Redactor();
        int changed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String input = text.toString();
            String expected = reference(input);
            assertThat(redactor.redact(input))
                    .as("seed %d, input %s", seed, input)
                    .isEqualTo(expected);
            assertThat(redactor.containsSecret(input))
                    .as("seed %d, input %s", seed, input)
                    .isEqualTo(!expected.equals(input));
            if (!expected.equals(input)) {
                changed++;
            }
        }
        assertThat(changed).as("the generator produces credentials too").isGreaterThan(500);
    }

    @Test
    @DisplayName("clean text and clean trees come back as the very same object")
    void cleanInputIsReturnedAsIs() {
        Redactor redactor = new Redactor(List.of("s3cr3t-value-123")); // canary
        String text = "a basic overview of the bearer bonds market, sk-short";
        assertThat(redactor.redact(text)).isSameAs(text);
        JsonNode tree = Json.MAPPER.readTree("{\"a\":[1,\"two\",{\"b\":\"c\"}],\"d\":\"e\\nf\"}");
        assertThat(redactor.redact(tree)).isSameAs(tree);
    }

    @Test
    @DisplayName("a tree with one credential is copied with it redacted, the original untouched")
    void dirtyTreeIsCopied() {
        Redactor redactor = new Redactor(List.of("s3cr3t-value-123")); // canary
        String json =
                "{\"a\":1,\"b\":[\"x\",\"token s3cr3t-value-123\"],\"s3cr3t-value-123\":true,\"z\":{\"k\":\"v\"}}"; // canary
        JsonNode tree = Json.MAPPER.readTree(json);
        JsonNode redacted = redactor.redact(tree);
        assertThat(redacted.toString())
                .isEqualTo("{\"a\":1,\"b\":[\"x\",\"token REDACTED\"],\"REDACTED\":true,\"z\":{\"k\":\"v\"}}");
        assertThat(tree.toString()).as("input unchanged").isEqualTo(json);
    }
}
