package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.GatedSseServer;

@DisplayName("HarnessLangChain4j")
class HarnessLangChain4jTest {
    private static final String CANARY_KEY = "sk-canary-lc4j-7f3a9c21d8e4";
    private static final String PROMPT = "Which planet do humans live on?";

    @TempDir
    Path recordings;

    private HarnessSession session(Mode mode, String test) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("lc4j")
                .mode(mode)
                .responseNormalizer(dev.replayharness.bedrock.BedrockResponseNormalizer.create())
                .build()
                .session("HarnessLangChain4jTest#" + test);
    }

    private static OpenAiChatModel chat(HarnessSession session, String baseUrl, String key, int maxRetries) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(HarnessLangChain4j.builder(session))
                .baseUrl(baseUrl)
                .apiKey(key)
                .modelName(Upstream.MODEL)
                .maxRetries(maxRetries)
                .build();
    }

    private static OpenAiStreamingChatModel streaming(HarnessSession session, String baseUrl, String key) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(HarnessLangChain4j.builder(session))
                .baseUrl(baseUrl)
                .apiKey(key)
                .modelName(Upstream.MODEL)
                .build();
    }

    private String recordPlain(String test) {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, test)) {
            return chat(session, emulator.baseUrl(), CANARY_KEY, 0).chat(PROMPT);
        }
    }

    private Streams recordStream(String test) throws Exception {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, test)) {
            return Streams.chat(streaming(session, emulator.baseUrl(), CANARY_KEY), "Write a haiku about coding");
        }
    }

    private String allRecordings() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(recordings)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Nested
    @DisplayName("replay is fail-closed: the TCP sentinel behind the base URL counts no connection")
    class FailClosed {
        @Test
        @DisplayName("a plain call replays the recorded answer")
        void plain() throws Exception {
            String recorded = recordPlain("plain");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "plain")) {
                assertThat(chat(session, sentinel.uri("/openai/v1").toString(), "other-key", 0)
                                .chat(PROMPT))
                        .isEqualTo(recorded);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("the delegate client is never even built (no java.net.http client, no selector thread)")
        void noDelegateBuilt() throws Exception {
            String recorded = recordPlain("lazy");
            java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
            dev.langchain4j.http.client.HttpClientBuilder counting =
                    new dev.langchain4j.http.client.jdk.JdkHttpClientBuilder() {
                        @Override
                        public dev.langchain4j.http.client.jdk.JdkHttpClient build() {
                            built.incrementAndGet();
                            return super.build();
                        }
                    };
            try (HarnessSession session = session(Mode.REPLAY, "lazy")) {
                OpenAiChatModel model = OpenAiChatModel.builder()
                        .httpClientBuilder(HarnessLangChain4j.builder(session, counting))
                        .baseUrl(Upstream.BEDROCK)
                        .apiKey("k")
                        .modelName(Upstream.MODEL)
                        .build();

                assertThat(model.chat(PROMPT)).isEqualTo(recorded);
                assertThat(built).hasValue(0);
            }
        }

        @Test
        @DisplayName("a stream replays the recorded chunks, in order, one partial response each")
        void stream() throws Exception {
            Streams recorded = recordStream("stream");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "stream")) {
                Streams replayed = Streams.chat(
                        streaming(session, sentinel.uri("/openai/v1").toString(), "other-key"),
                        "Write a haiku about coding");

                assertThat(replayed.partials()).isEqualTo(recorded.partials()).hasSizeGreaterThan(1);
                assertThat(replayed.response().aiMessage().text())
                        .isEqualTo(recorded.response().aiMessage().text());
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("a miss is the harness's ReplayMissError, thrown once, never retried")
    class Miss {
        @Test
        @DisplayName("from ChatModel.chat, with LangChain4j's retries on (maxRetries 3): one request, no connection")
        void plain() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "missPlain")) {
                OpenAiChatModel model = chat(session, sentinel.uri("/openai/v1").toString(), CANARY_KEY, 3);

                assertThatThrownBy(() -> model.chat("Never recorded"))
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("Never recorded")
                        .hasMessageNotContaining(CANARY_KEY);
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("from StreamingChatModel.chat itself, so no handler can swallow it")
        void stream() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "missStream")) {
                CompletableFuture<Object> handlerSaw = new CompletableFuture<>();
                StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        handlerSaw.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        handlerSaw.complete(error);
                    }
                };

                assertThatThrownBy(() -> streaming(
                                        session, sentinel.uri("/openai/v1").toString(), CANARY_KEY)
                                .chat("Never recorded", handler))
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("Never recorded");
                assertThat(handlerSaw).isNotDone();
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("credentials and telemetry")
    class Credentials {
        @Test
        @DisplayName("the API key reaches no recording, and neither it nor the User-Agent is part of the key")
        void keyAndUserAgent() throws Exception {
            String recorded = recordPlain("credentials");
            recordStream("credentialsStream");

            assertThat(allRecordings()).doesNotContain(CANARY_KEY).doesNotContainIgnoringCase("langchain4j-openai");
            try (HarnessSession session = session(Mode.REPLAY, "credentials")) {
                OpenAiChatModel other = OpenAiChatModel.builder()
                        .httpClientBuilder(HarnessLangChain4j.builder(session))
                        .baseUrl(Upstream.BEDROCK)
                        .apiKey("a-different-key")
                        .customHeaders(Map.of("User-Agent", "another-agent/9.9", "X-Telemetry", "run-42"))
                        .modelName(Upstream.MODEL)
                        .maxRetries(0)
                        .build();
                assertThat(other.chat(PROMPT)).isEqualTo(recorded);
            }
        }
    }

    @Test
    @DisplayName("recording passes the stream through live: the caller sees chunk 1 before upstream sends chunk 2")
    void recordingStreamsLive() throws Exception {
        try (GatedSseServer upstream = new GatedSseServer();
                HarnessSession session = session(Mode.RECORD, "gated")) {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            List<String> partials = new java.util.concurrent.CopyOnWriteArrayList<>();
            streaming(session, upstream.baseUrl(), CANARY_KEY).chat("gated", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    partials.add(partial);
                    upstream.release(); // chunk 2 is sent only after the caller has seen chunk 1
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });

            assertThat(done.get(30, TimeUnit.SECONDS).aiMessage().text())
                    .isEqualTo(GatedSseServer.FIRST + GatedSseServer.SECOND);
            assertThat(upstream.secondSentBeforeRelease())
                    .as("chunk 2 was sent before the caller saw chunk 1")
                    .isFalse();
            assertThat(partials).containsExactly(GatedSseServer.FIRST, GatedSseServer.SECOND);
        }
        assertThat(allRecordings()).contains(GatedSseServer.FIRST, GatedSseServer.SECOND, "[DONE]");
    }

    @Test
    @DisplayName("a stream the caller cancels while recording is drained into a complete recording")
    void cancelledWhileRecording() throws Exception {
        Streams whole = recordStream("whole");
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "cancelled")) {
            CompletableFuture<String> first = new CompletableFuture<>();
            streaming(session, emulator.baseUrl(), CANARY_KEY)
                    .chat("Write a haiku about coding", new StreamingChatResponseHandler() {
                        @Override
                        public void onPartialResponse(
                                dev.langchain4j.model.chat.response.PartialResponse partial,
                                dev.langchain4j.model.chat.response.PartialResponseContext context) {
                            context.streamingHandle().cancel(); // the caller has seen enough
                            first.complete(partial.text());
                        }

                        @Override
                        public void onCompleteResponse(ChatResponse response) {}

                        @Override
                        public void onError(Throwable error) {
                            first.completeExceptionally(error);
                        }
                    });
            assertThat(first.get(30, TimeUnit.SECONDS))
                    .isEqualTo(whole.partials().get(0));
        } // closing the session waits for the drained recording
        try (HarnessSession session = session(Mode.REPLAY, "cancelled")) {
            Streams replayed = Streams.chat(streaming(session, Upstream.BEDROCK, "k"), "Write a haiku about coding");

            assertThat(replayed.partials()).isEqualTo(whole.partials());
        }
    }

    @Test
    @DisplayName("an error status is recorded and replayed: LangChain4j maps it to the same exception")
    void errorStatus() throws Exception {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "error")) {
            emulator.bedrockEmulator().enqueue(ScriptedResponse.of(400, "{\"error\":{\"message\":\"bad prompt\"}}"));
            assertThatThrownBy(() ->
                            chat(session, emulator.baseUrl(), CANARY_KEY, 0).chat(PROMPT))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("bad prompt");
        }
        try (HarnessSession session = session(Mode.REPLAY, "error")) {
            assertThatThrownBy(() -> chat(session, Upstream.BEDROCK, "k", 0).chat(PROMPT))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("bad prompt");
        }
    }

    @Test
    @DisplayName("a stream answered with an error status is recorded and replayed: the handler gets the same exception")
    void streamErrorStatus() throws Exception {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "streamError")) {
            emulator.bedrockEmulator().enqueue(ScriptedResponse.of(400, "{\"error\":{\"message\":\"bad stream\"}}"));
            assertThatThrownBy(() -> Streams.chat(streaming(session, emulator.baseUrl(), CANARY_KEY), PROMPT))
                    .hasCauseInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("bad stream");
        }
        try (HarnessSession session = session(Mode.REPLAY, "streamError")) {
            assertThatThrownBy(() -> Streams.chat(streaming(session, Upstream.BEDROCK, "k"), PROMPT))
                    .hasCauseInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("bad stream");
            assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.REPLAYED);
        }
    }

    @Test
    @DisplayName("seam independence: a recording made through LangChain4j replays through the java.net.http adapter")
    void replaysAtTheJdkAdapter() throws Exception {
        String body;
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "seams")) {
            chat(session, emulator.baseUrl(), CANARY_KEY, 0).chat(PROMPT);
            body = emulator.bedrockEmulator().requests().get(0).body(); // exactly what LangChain4j sent
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(Mode.REPLAY, "seams")) {
            java.net.http.HttpClient jdk = JdkHarness.wrap(java.net.http.HttpClient.newHttpClient(), session);
            HttpResponse<String> response = jdk.send(
                    HttpRequest.newBuilder(URI.create(sentinel.uri("/openai/v1").toString() + "/chat/completions"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Earth");
            assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.REPLAYED);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
