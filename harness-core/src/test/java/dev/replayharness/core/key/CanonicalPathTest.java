package dev.replayharness.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A path's percent-encoding in the key")
class CanonicalPathTest {

    @Nested
    @DisplayName("spellings a server cannot tell apart are one path")
    class Equivalent {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(
                quoteCharacter = '"',
                value = {
                    "/model/openai.gpt-oss-20b-1:0/converse, /model/openai.gpt-oss-20b-1%3A0/converse",
                    "/model/openai.gpt-oss-20b-1%3a0/converse, /model/openai.gpt-oss-20b-1%3A0/converse",
                    "/%7Euser/%41%62c, /~user/Abc",
                    "/a@b/c!$&'()*+;=d, /a%40b/c%21%24%26%27%28%29%2A%2B%3B%3Dd",
                    "/caf\u00e9, /caf%C3%A9",
                    "/a b, /a%20b"
                })
        @DisplayName("unreserved characters are decoded; every other byte is upper-case %XX")
        void canonical(String raw, String canonical) {
            assertThat(CanonicalPath.of(raw)).isEqualTo(canonical);
        }
    }

    @Nested
    @DisplayName("spellings that mean something else stay apart")
    class Distinct {
        @Test
        @DisplayName("%2F is a character inside a segment, not the / between segments")
        void encodedSlash() {
            assertThat(CanonicalPath.of("/a%2fb")).isEqualTo("/a%2Fb");
            assertThat(CanonicalPath.of("/a%2Fb")).isNotEqualTo(CanonicalPath.of("/a/b"));
        }

        @Test
        @DisplayName(
                "a % not followed by two hex digits is a literal %, and an encoded %25 is not decoded into an escape")
        void strayPercent() {
            assertThat(CanonicalPath.of("/100%")).isEqualTo("/100%25");
            assertThat(CanonicalPath.of("/a%zz")).isEqualTo("/a%25zz");
            assertThat(CanonicalPath.of("/a%2541")).isEqualTo("/a%2541");
            assertThat(CanonicalPath.of("/a%2541")).isNotEqualTo(CanonicalPath.of("/aA"));
        }

        @Test
        @DisplayName("empty segments and a trailing slash are kept")
        void emptySegments() {
            assertThat(CanonicalPath.of("//a//b/")).isEqualTo("//a//b/");
            assertThat(CanonicalPath.of("/a%3A/")).isEqualTo("/a%3A/");
        }
    }

    @Test
    @DisplayName("a canonical path is returned as the same instance (no copy on the replay hot path)")
    void alreadyCanonical() {
        String path = "/openai/v1/chat/completions";
        assertThat(CanonicalPath.of(path)).isSameAs(path);
    }

    @Test
    @DisplayName("canonicalizing is idempotent, and every byte of a segment may be spelled %XX without changing it")
    void randomSpellings() {
        long seed = Long.getLong("harness.test.seed", 20261201L);
        Random random = new Random(seed);
        String alphabet = "abcXYZ09-._~:@!$&'()*+,;=% /é";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String canonical = CanonicalPath.of(raw.toString());
            assertThat(CanonicalPath.of(canonical))
                    .as("seed %d, path %s", seed, raw)
                    .isEqualTo(canonical);
            assertThat(CanonicalPath.of(encodeAll(canonical)))
                    .as("seed %d (rerun with -Dharness.test.seed=%d), path %s", seed, seed, raw)
                    .isEqualTo(canonical);
        }
    }

    /** Every character but '/' spelled as %XX: the most-encoded spelling of a canonical path. */
    private static String encodeAll(String canonical) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '%') {
                out.append(canonical, i, i + 3);
                i += 2;
            } else if (c == '/') {
                out.append(c);
            } else {
                out.append(String.format("%%%02x", (int) c));
            }
        }
        return out.toString();
    }
}
