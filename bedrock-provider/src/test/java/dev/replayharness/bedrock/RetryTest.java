package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;

@DisplayName("Transient failures (408, 429, 5xx) are retried")
class RetryTest {

    /** Caps of 1 s, 2 s, 4 s, 8 s: easy to check each wait against. */
    static final RetryPolicy POLICY =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));

    BedrockEmulator emulator;
    FakeTime time;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
        time = new FakeTime();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    BedrockClient client(RetryPolicy policy) {
        return TestClients.client(emulator, TestClients.KEY, config -> config.retryPolicy(policy), time);
    }

    static ChatCompletionRequest hello() {
        return ChatCompletionRequest.builder("openai.gpt-oss-20b-1:0")
                .user("Hello, world!")
                .build();
    }

    @Nested
    @DisplayName("with exponential backoff and full jitter")
    class Backoff {

        @Test
        @DisplayName("waits a seeded-random time under caps of 1, 2, 4 s, then succeeds")
        void seededJitter() {
            emulator.enqueue(
                    ScriptedResponse.unavailable(null),
                    ScriptedResponse.of(500, "{}"),
                    ScriptedResponse.throttled(null));
            assertThat(client(POLICY).chat(hello()).content()).startsWith("Hello!");

            assertThat(emulator.requestCount()).isEqualTo(4);
            // new Random(42).nextLong(cap + 1) for caps of 1000, 2000 and 4000 ms; pinned so a change shows
            assertThat(time.sleeps)
                    .as("waits for seed %d", TestClients.SEED)
                    .containsExactly(Duration.ofMillis(837), Duration.ofMillis(1849), Duration.ofMillis(1233));
        }

        @Test
        @DisplayName("never waits longer than maxDelay")
        void capped() {
            for (int i = 0; i < 4; i++) {
                emulator.enqueue(ScriptedResponse.of(408, "{\"message\":\"Request timeout\"}"));
            }
            client(POLICY).chat(hello());
            assertThat(time.sleeps).hasSize(4);
            Duration[] caps = {
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)
            };
            for (int i = 0; i < 4; i++) {
                assertThat(time.sleeps.get(i)).isLessThanOrEqualTo(caps[i]);
            }
        }
    }

    @Nested
    @DisplayName("honouring Retry-After")
    class RetryAfterHeader {

        @Test
        @DisplayName("given in seconds, even beyond maxDelay")
        void seconds() {
            emulator.enqueue(ScriptedResponse.throttled("7"), ScriptedResponse.throttled("12"));
            client(POLICY).chat(hello());
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(12));
        }

        @Test
        @DisplayName("given as an HTTP date, measured from the injected clock")
        void httpDate() {
            String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    time.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
            emulator.enqueue(ScriptedResponse.unavailable(inFiveSeconds));
            client(POLICY).chat(hello());
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("and for a stream, before the stream starts")
        void stream() {
            emulator.enqueue(ScriptedResponse.throttled("3"));
            try (ChatCompletionStream stream = client(POLICY).chatStream(hello())) {
                assertThat(stream.accumulate().content()).startsWith("Hello!");
            }
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
            assertThat(emulator.requestCount()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("within bounds, then fail clearly")
    class Bounds {

        @Test
        @DisplayName("no more than maxAttempts requests; the error carries the last status and request id")
        void attempts() {
            for (int i = 0; i < 5; i++) {
                emulator.enqueue(ScriptedResponse.unavailable("1"));
            }
            BedrockRetriesExhaustedException e = catchThrowableOfType(
                    BedrockRetriesExhaustedException.class,
                    () -> client(new RetryPolicy(
                                    3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5)))
                            .chat(hello()));

            assertThat(emulator.requestCount()).isEqualTo(3);
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.httpStatus()).hasValue(503);
            assertThat(e.requestId()).contains(emulator.requests().get(2).requestId());
            assertThat(e.getMessage())
                    .startsWith("Bedrock kept failing for openai.gpt-oss-20b-1:0: 3 attempts in 2.0 s,"
                            + " the last answered HTTP 503 (Bedrock said: \"Service temporarily unavailable\");"
                            + " gave up because the retry policy allows 3 attempts.");
        }

        @Test
        @DisplayName("no retry whose wait would end after maxTotalTime")
        void totalTime() {
            for (int i = 0; i < 5; i++) {
                emulator.enqueue(ScriptedResponse.throttled("4"));
            }
            BedrockRetriesExhaustedException e = catchThrowableOfType(
                    BedrockRetriesExhaustedException.class,
                    () -> client(new RetryPolicy(
                                    10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(10)))
                            .chat(hello()));

            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
            assertThat(emulator.requestCount()).isEqualTo(3);
            assertThat(e.getMessage())
                    .contains("gave up because waiting 4.0 s more would pass the retry policy's"
                            + " maxTotalTime of 10.0 s")
                    .contains("Bedrock is throttling this account");
        }

        @Test
        @DisplayName("RetryPolicy.NONE reports the first transient failure at once")
        void none() {
            emulator.enqueue(ScriptedResponse.throttled("1"));
            BedrockRetriesExhaustedException e = catchThrowableOfType(
                    BedrockRetriesExhaustedException.class,
                    () -> client(RetryPolicy.NONE).chat(hello()));
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(time.sleeps).isEmpty();
        }
    }
}
