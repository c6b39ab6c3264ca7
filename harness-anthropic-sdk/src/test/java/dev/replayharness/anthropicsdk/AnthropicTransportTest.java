package dev.replayharness.anthropicsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

import dev.replayharness.anthropicsdk.emulator.MessagesEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.ConnectionCountingServer;

@DisplayName("HarnessAnthropic's interceptor around the SDK's transport")
class AnthropicTransportTest {
    private static final String MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final String KEY = "sk-ant-canary-8d2f61b0c4e97a35";

    @TempDir
    Path recordings;

    private HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("anthropic-test")
                .mode(mode)
                .build()
                .session("AnthropicTransportTest#exchange");
    }

    private static AnthropicClient claude(String baseUrl, String key, HarnessSession session) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(baseUrl)
                .authToken(key)
                .addInterceptor(HarnessAnthropic.interceptor(session))
                .build();
    }

    private static MessageCreateParams ask(String question) {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(64)
                .addUserMessage(question)
                .build();
    }

    private static String text(Message message) {
        return message.content().get(0).text().orElseThrow().text();
    }

    private void recordOne(String question) {
        try (MessagesEmulator emulator = MessagesEmulator.start();
                HarnessSession session = session(Mode.RECORD)) {
            AnthropicClient client = claude(emulator.baseUrl(), KEY, session);
            try {
                client.messages().create(ask(question));
            } finally {
                client.close();
            }
        }
    }

    private String allRecordings() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(recordings)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    @Nested
    @DisplayName("in replay mode")
    class Replay {
        @Test
        @DisplayName(
                "answers without calling the SDK's transport: the TCP sentinel counts 0 connections, whatever the key")
        void failClosed() throws IOException {
            recordOne("Which planet do humans live on?");

            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), "another-key", session);
                try {
                    assertThat(text(client.messages().create(ask("Which planet do humans live on?"))))
                            .contains("Earth");
                } finally {
                    client.close();
                }
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("a miss is the ReplayMissError itself, on the first attempt: the SDK's retries do not repeat it")
        void missIsNotRetried() throws IOException {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), KEY, session);
                try {
                    assertThatThrownBy(() -> client.messages().create(ask("Hello, world!")))
                            .isExactlyInstanceOf(ReplayMissError.class)
                            .hasMessageContaining("no recording for this request")
                            .hasMessageContaining("/anthropic/v1/messages")
                            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
                    assertThatThrownBy(() -> client.messages()
                                    .createStreaming(ask("Hello, world!"))
                                    .close())
                            .isExactlyInstanceOf(ReplayMissError.class);
                } finally {
                    client.close();
                }
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED, RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("the async client: the future fails with the ReplayMissError as its cause, once")
        void asyncMiss() throws IOException {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                AnthropicClientAsync client = AnthropicOkHttpClientAsync.builder()
                        .baseUrl(sentinel.uri("/anthropic").toString())
                        .authToken(KEY)
                        .addInterceptor(HarnessAnthropic.interceptor(session))
                        .build();
                try {
                    assertThatThrownBy(() -> client.messages()
                                    .create(ask("Hello, world!"))
                                    .get(10, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .cause()
                            .isExactlyInstanceOf(ReplayMissError.class);
                } finally {
                    client.close();
                }
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("the async client")
    class Async {
        @Test
        @DisplayName(
                "records through executeAsync, and the recording replays to the blocking client with no connection")
        void recordsAsync() throws Exception {
            try (MessagesEmulator emulator = MessagesEmulator.start();
                    HarnessSession session = session(Mode.RECORD)) {
                AnthropicClientAsync client = AnthropicOkHttpClientAsync.builder()
                        .baseUrl(emulator.baseUrl())
                        .authToken(KEY)
                        .addInterceptor(HarnessAnthropic.interceptor(session))
                        .build();
                try {
                    assertThat(text(client.messages()
                                    .create(ask("What's the name of the Sun in latin?"))
                                    .get(10, TimeUnit.SECONDS)))
                            .contains("Sol");
                } finally {
                    client.close();
                }
                assertThat(emulator.requestCount()).isEqualTo(1);
            }
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), KEY, session);
                try {
                    assertThat(text(client.messages().create(ask("What's the name of the Sun in latin?"))))
                            .isEqualTo("The Sun is called Sol in Latin (genitive Solis).");
                } finally {
                    client.close();
                }
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("credentials and telemetry")
    class Credentials {
        @Test
        @DisplayName(
                "the SDK's Authorization reaches upstream, but no file; X-Stainless-* and User-Agent reach no file")
        void keptOut() throws IOException {
            try (MessagesEmulator emulator = MessagesEmulator.start();
                    HarnessSession session = session(Mode.RECORD)) {
                AnthropicClient client = claude(emulator.baseUrl(), KEY, session);
                try {
                    client.messages().create(ask("Which planet do humans live on?"));
                } finally {
                    client.close();
                }
                assertThat(emulator.authorizations()).containsExactly("Bearer " + KEY);
            }

            assertThat(allRecordings())
                    .doesNotContain(KEY)
                    .doesNotContainIgnoringCase("x-stainless")
                    .doesNotContainIgnoringCase("user-agent")
                    .doesNotContainIgnoringCase("authorization");
        }
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {
        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Mode.class,
                names = {"RECORD", "LIVE"})
        @DisplayName(
                "passes each event through as it arrives: the first text delta reaches the caller before upstream sends the next")
        void passesThrough(Mode mode) {
            CountDownLatch sawFirstDelta = new CountDownLatch(1);
            StringBuilder answer = new StringBuilder();
            try (MessagesEmulator emulator = MessagesEmulator.start().holdStreamsAfterFirstDelta(sawFirstDelta);
                    HarnessSession session = session(mode)) {
                AnthropicClient client = claude(emulator.baseUrl(), KEY, session);
                try (StreamResponse<RawMessageStreamEvent> stream =
                        client.messages().createStreaming(ask("Write a haiku about coding"))) {
                    stream.stream()
                            .forEach(event -> event.contentBlockDelta()
                                    .flatMap(d -> d.delta().text())
                                    .ifPresent(t -> {
                                        answer.append(t.text());
                                        sawFirstDelta.countDown();
                                    }));
                } finally {
                    client.close();
                }
                assertThat(emulator.releasedWhileHeld())
                        .as("the first delta reached the caller while upstream held the rest")
                        .isTrue();
            }
            assertThat(answer.toString())
                    .isEqualTo("Lines of logic flow\nBugs hide in the silent loops\nTests bring back the dawn");
        }
    }

    @Nested
    @DisplayName("across seams")
    class AcrossSeams {
        private static final String JSON_BODY =
                "{\"max_tokens\":64,\"messages\":[{\"content\":\"Which planet do humans live on?\","
                        + "\"role\":\"user\"}],\"model\":\"" + MODEL + "\"}";

        private String viaJdk(HarnessSession session, String baseUrl) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages"))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON_BODY))
                    .build();
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        @Test
        @DisplayName("recorded through the SDK, replayed through the java.net.http adapter, no connection")
        void sdkToJdk() throws Exception {
            recordOne("Which planet do humans live on?");

            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                assertThat(viaJdk(session, sentinel.uri("/anthropic").toString()))
                        .contains("\"type\":\"message\"", "Earth");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("recorded through the java.net.http adapter, replayed through the SDK, no connection")
        void jdkToSdk() throws Exception {
            try (MessagesEmulator emulator = MessagesEmulator.start();
                    HarnessSession session = session(Mode.RECORD)) {
                assertThat(viaJdk(session, emulator.baseUrl())).contains("Earth");
            }
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), KEY, session);
                try {
                    assertThat(text(client.messages().create(ask("Which planet do humans live on?"))))
                            .contains("Earth");
                } finally {
                    client.close();
                }
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("with injected faults")
    class Faults {
        @Test
        @DisplayName("status 429 on the first attempt: the SDK retries and gets the recorded answer")
        void status() throws IOException {
            recordOne("Which planet do humans live on?");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                session.faults().declare("status=429;retry-after=0s;nth=1", "test");
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), KEY, session);
                try {
                    assertThat(text(client.messages().create(ask("Which planet do humans live on?"))))
                            .contains("Earth");
                } finally {
                    client.close();
                }
                assertThat(session.uses())
                        .extracting(dev.replayharness.core.RecordingUse::outcome)
                        .containsExactly(
                                dev.replayharness.core.RecordingUse.Outcome.INJECTED,
                                dev.replayharness.core.RecordingUse.Outcome.REPLAYED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("reset on every attempt: the SDK's AnthropicIoException over the injected reset")
        void reset() throws IOException {
            recordOne("Which planet do humans live on?");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY)) {
                session.faults().declare("reset", "test");
                AnthropicClient client = claude(sentinel.uri("/anthropic").toString(), KEY, session);
                try {
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> client.messages().create(ask("Which planet do humans live on?")))
                            .isInstanceOf(com.anthropic.errors.AnthropicIoException.class)
                            .rootCause()
                            .hasMessageStartingWith("Connection reset (injected by Replay Harness");
                } finally {
                    client.close();
                }
            }
        }
    }
}
