package dev.replayharness.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Redactor learning from SigV4 Authorization headers")
class SigV4LearningTest {
    private static final String ACCESS_KEY_ID =
            "ASIA" + "Q7CANARY4HARNESS"; // a canary, joined so no key-shaped literal is committed
    private static final long SEED = Long.getLong("replayharness.seed", 20261201L);

    /** A signed request's header: a new date and signature each time, the same access key id. */
    private static String signed(Random random, String scheme) {
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String date = String.format("202612%02d", 1 + random.nextInt(28));
        return scheme + " Credential=" + ACCESS_KEY_ID + "/" + date + "/us-west-2/bedrock/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="
                + HexFormat.of().formatHex(signature);
    }

    @Nested
    @DisplayName("a long session of signed calls")
    class LongSession {
        @Test
        @DisplayName("keeps the secret set at the access key id, however many calls are signed")
        void bounded() {
            Random random = new Random(SEED);
            Redactor redactor = new Redactor();
            for (int i = 0; i < 1_000; i++) {
                redactor.learnFromHeader(signed(random, i % 2 == 0 ? "AWS4-HMAC-SHA256" : "AWS4-ECDSA-P256-SHA256"));
            }
            assertThat(redactor.knownSecretCount()).as("seed %d", SEED).isEqualTo(1);
        }

        @Test
        @DisplayName("still redacts the access key id wherever it appears, as in an echoed Authorization value")
        void accessKeyIdRedacted() {
            Random random = new Random(SEED);
            Redactor redactor = new Redactor();
            String header = signed(random, "AWS4-HMAC-SHA256");
            redactor.learnFromHeader(header);
            assertThat(redactor.redact("{\"echo\":\"" + header + "\"}"))
                    .as("seed %d", SEED)
                    .doesNotContain(ACCESS_KEY_ID)
                    .contains("Credential=" + Redactor.PLACEHOLDER + "/");
            assertThat(redactor.redact("key " + ACCESS_KEY_ID.toLowerCase(java.util.Locale.ROOT) + " differs"))
                    .contains(ACCESS_KEY_ID.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Nested
    @DisplayName("other credential header values")
    class Others {
        @Test
        @DisplayName("a bearer token is learned as before, with and without its scheme")
        void bearer() {
            Redactor redactor = new Redactor();
            redactor.learnFromHeader("Bearer tok_abcdefgh");
            assertThat(redactor.redact("got tok_abcdefgh")).isEqualTo("got " + Redactor.PLACEHOLDER);
            assertThat(redactor.knownSecretCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("an AWS4 value without a readable Credential= is learned whole, not dropped")
        void malformedSigV4() {
            Redactor redactor = new Redactor();
            redactor.learnFromHeader("AWS4-HMAC-SHA256 garbled-credential-value");
            assertThat(redactor.redact("x garbled-credential-value y")).isEqualTo("x " + Redactor.PLACEHOLDER + " y");
        }
    }
}
