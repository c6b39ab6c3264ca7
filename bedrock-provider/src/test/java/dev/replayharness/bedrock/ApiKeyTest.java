package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.openai.ChatCompletionRequest;

@DisplayName("Short-term API keys are checked before anything is sent")
class ApiKeyTest {

    static final String SECRET = "SIGNATURE0c4n4ry";
    static final Instant AFTER_EXPIRY = Instant.parse("2025-01-01T12:00:01Z");

    BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    static ChatCompletionRequest hello() {
        return ChatCompletionRequest.builder("openai.gpt-oss-20b-1:0")
                .user("Hello, world!")
                .build();
    }

    BedrockClient client(String key, Instant now) {
        return TestClients.client(emulator, key, config -> config, new FakeTime(now));
    }

    @Nested
    @DisplayName("an expired key")
    class Expired {

        @Test
        @DisplayName("fails with zero requests reaching Bedrock, saying when it expired and how to get a new one")
        void expired() {
            BedrockClient bedrock = client(ShortTermKeys.twelveHourKey(SECRET), AFTER_EXPIRY);
            BedrockAuthenticationException e =
                    catchThrowableOfType(BedrockAuthenticationException.class, () -> bedrock.chat(hello()));

            assertThat(emulator.requestCount()).isZero();
            assertThat(e.isExpired()).isTrue();
            assertThat(e.httpStatus()).isEmpty();
            assertThat(e.getMessage())
                    .startsWith("The Bedrock API key in AWS_BEARER_TOKEN_BEDROCK expired at 2025-01-01T12:00:00Z"
                            + " (issued 2025-01-01T00:00:00Z, valid 12 h); no request was sent.")
                    .contains("Discover → API keys → Generate short-term API keys")
                    .doesNotContain(SECRET);
        }

        @Test
        @DisplayName("fails streams too")
        void expiredStream() {
            assertThatThrownBy(() -> client(ShortTermKeys.twelveHourKey(SECRET), AFTER_EXPIRY)
                            .chatStream(hello()))
                    .isInstanceOf(BedrockAuthenticationException.class);
            assertThat(emulator.requestCount()).isZero();
        }

        @Test
        @DisplayName("is detected when it expires while the client is in use")
        void expiresLater() {
            FakeTime time = new FakeTime();
            BedrockClient bedrock = TestClients.client(emulator, ShortTermKeys.twelveHourKey(SECRET), c -> c, time);
            bedrock.chat(hello());
            time.advance(Duration.ofHours(6));
            assertThatThrownBy(() -> bedrock.chat(hello())).isInstanceOf(BedrockAuthenticationException.class);
            assertThat(emulator.requestCount()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("a valid key is decoded leniently")
    class Lenient {

        @Test
        @DisplayName("standard base64 with padding, as the AWS generators make it")
        void standard() {
            client(ShortTermKeys.twelveHourKey(SECRET), FakeTime.MORNING).chat(hello());
            assertThat(emulator.requests().get(0).header("Authorization"))
                    .contains("Bearer " + ShortTermKeys.twelveHourKey(SECRET));
        }

        @Test
        @DisplayName("URL-safe base64 without padding, and &-parameters outside the base64")
        void urlSafeWithTail() {
            String url = ShortTermKeys.presignedUrl(ShortTermKeys.ISSUED, 43_200, SECRET + "?>?>");
            String withoutVersion = url.substring(0, url.lastIndexOf("&Version=1"));
            String key = BedrockApiKey.SHORT_TERM_PREFIX
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(withoutVersion.getBytes(StandardCharsets.UTF_8))
                    + "&Version=1";
            String base64 = key.substring(BedrockApiKey.SHORT_TERM_PREFIX.length(), key.indexOf('&'));
            assertThat(base64)
                    .as("URL-safe alphabet, padding left off")
                    .contains("-")
                    .doesNotContain("=");
            assertThat(base64.length() % 4).as("would need padding").isNotZero();
            client(key, FakeTime.MORNING).chat(hello());
            assertThatThrownBy(() -> client(key, AFTER_EXPIRY).chat(hello()))
                    .isInstanceOf(BedrockAuthenticationException.class)
                    .hasMessageContaining("expired at 2025-01-01T12:00:00Z");
        }

        @Test
        @DisplayName("with or without an https:// scheme in the presigned URL")
        void scheme() {
            String key = BedrockApiKey.SHORT_TERM_PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    ("https://" + ShortTermKeys.presignedUrl(ShortTermKeys.ISSUED, 3600, SECRET))
                                            .getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> client(key, FakeTime.MORNING).chat(hello()))
                    .hasMessageContaining("expired at 2025-01-01T01:00:00Z");
        }
    }

    @Nested
    @DisplayName("a malformed key")
    class Malformed {

        /** Malformed keys, made here rather than written out: no credential-shaped literal in the repository. */
        static Stream<String> malformedKeys() {
            String prefix = "bedrock-api-key-";
            return Stream.of(
                    prefix,
                    prefix + "!!!notbase64!!!",
                    prefix + Base64.getEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformedKeys")
        @DisplayName("fails when the client is built, without echoing the key")
        void malformed(String key) {
            BedrockAuthenticationException e =
                    catchThrowableOfType(BedrockAuthenticationException.class, () -> client(key, FakeTime.MORNING));
            assertThat(e.getMessage())
                    .startsWith(
                            "The Bedrock API key starts with bedrock-api-key- but is not a valid" + " short-term key: ")
                    .contains("copy the whole key again");
            String encoded = key.substring(BedrockApiKey.SHORT_TERM_PREFIX.length());
            if (!encoded.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(encoded);
            }
            assertThat(emulator.requestCount()).isZero();
        }

        @Test
        @DisplayName("missing X-Amz-Expires is named")
        void missingExpiry() {
            String key = BedrockApiKey.SHORT_TERM_PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Date=20250101T000000Z&Version=1"
                                            .getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> client(key, FakeTime.MORNING))
                    .hasMessageContaining("the decoded presigned URL has no X-Amz-Expires parameter");
        }
    }

    @Nested
    @DisplayName("other keys are not checked")
    class Unchecked {

        /** A long-term key is built here, not written out, so no credential-shaped literal is committed. */
        static Stream<String> uncheckedKeys() {
            String longTerm = "ABSK"
                    + Base64.getEncoder()
                            .encodeToString("BedrockAPIKey-long-term-key".getBytes(StandardCharsets.UTF_8));
            return Stream.of(BedrockApiKey.REPLAY_DUMMY_KEY, longTerm);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("uncheckedKeys")
        @DisplayName("the replay placeholder and long-term keys are sent as they are")
        void sent(String key) {
            client(key, Instant.parse("2099-01-01T00:00:00Z")).chat(hello());
            assertThat(emulator.requests().get(0).header("Authorization")).contains("Bearer " + key);
        }
    }

    @Test
    @DisplayName("BedrockApiKey shows its kind, never its value")
    void redacted() {
        assertThat(BedrockApiKey.of(ShortTermKeys.twelveHourKey(SECRET)))
                .hasToString("BedrockApiKey[short-term, value redacted]");
        assertThat(BedrockApiKey.of(BedrockApiKey.REPLAY_DUMMY_KEY))
                .hasToString("BedrockApiKey[replay dummy, value redacted]");
        assertThatThrownBy(() -> BedrockApiKey.of(" ")).hasMessageContaining("set AWS_BEARER_TOKEN_BEDROCK");
    }
}
