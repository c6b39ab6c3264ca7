package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

import dev.replayharness.bedrock.BedrockResponseNormalizer;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.GatedSseServer;

@DisplayName("HarnessRestClient and HarnessWebClient")
class HarnessSpringTest {
    private static final String CANARY_KEY = "sk-canary-spring-4b8e2d91c3f7";
    private static final String PROMPT = "Which planet do humans live on?";
    private static final String HAIKU = "Write a haiku about coding";

    @TempDir
    Path recordings;

    private HarnessSession session(Mode mode, String test) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("spring")
                .mode(mode)
                .responseNormalizer(BedrockResponseNormalizer.create())
                .build()
                .session("HarnessSpringTest#" + test);
    }

    private static OpenAiChatModel model(HarnessSession session, String baseUrl, String key) {
        return Upstream.model(session, baseUrl, key, Upstream.options().build());
    }

    /** The texts of a streamed answer, in order (the usage-only chunks have none). */
    private static Flux<String> texts(OpenAiChatModel model, String prompt) {
        return model.stream(new Prompt(prompt))
                .mapNotNull(r ->
                        r.getResult() == null ? null : r.getResult().getOutput().getText())
                .filter(text -> !text.isEmpty());
    }

    private String recordPlain(String test) {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, test)) {
            return model(session, emulator.baseUrl(), CANARY_KEY).call(PROMPT);
        }
    }

    private List<String> recordStream(String test) {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, test)) {
            return texts(model(session, emulator.baseUrl(), CANARY_KEY), HAIKU)
                    .collectList()
                    .block(Duration.ofSeconds(30));
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

    private static String sentinelBase(ConnectionCountingServer sentinel) {
        return sentinel.uri("/openai/v1").toString().replaceFirst("/v1$", "");
    }

    @Nested
    @DisplayName("replay is fail-closed: the TCP sentinel behind the base URL counts no connection")
    class FailClosed {
        @Test
        @DisplayName("RestClient: Spring AI's call replays the recorded answer")
        void plain() throws Exception {
            String recorded = recordPlain("plain");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "plain")) {
                assertThat(model(session, sentinelBase(sentinel), "other-key").call(PROMPT))
                        .isEqualTo(recorded);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("WebClient: Spring AI's stream replays the recorded chunks in order")
        void stream() throws Exception {
            List<String> recorded = recordStream("stream");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "stream")) {
                List<String> replayed = texts(model(session, sentinelBase(sentinel), "other-key"), HAIKU)
                        .collectList()
                        .block();

                assertThat(replayed).isEqualTo(recorded).hasSizeGreaterThan(1);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("RestTemplate, wired with one line, replays what RestClient recorded")
        void restTemplate() throws Exception {
            recordPlain("template");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession replaying = session(Mode.REPLAY, "template")) {
                RestTemplate template = HarnessRestClient.wire(new RestTemplate(), replaying);
                String body = Files.readString(onlyRecording())
                        .replaceAll(
                                "(?s).*\"request\"\\s*:.*?\"json\"\\s*:\\s*(\\{.*?\"stream\"\\s*:\\s*false\\s*}).*",
                                "$1");
                org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
                headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
                String answer = template.postForObject(
                        sentinelBase(sentinel) + "/v1/chat/completions",
                        new org.springframework.http.HttpEntity<>(body, headers),
                        String.class);

                assertThat(answer).contains("Earth");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    private Path onlyRecording() throws IOException {
        try (Stream<Path> files = Files.walk(recordings)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }

    @Nested
    @DisplayName("a miss is the harness's ReplayMissError, unwrapped and never retried")
    class Miss {
        @Test
        @DisplayName(
                "from OpenAiChatModel.call, through Spring AI's default RetryTemplate (10 attempts): one request, no connection")
        void plain() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "missPlain")) {
                OpenAiChatModel model = model(session, sentinelBase(sentinel), CANARY_KEY);

                assertThatThrownBy(() -> model.call("Never recorded"))
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
        @DisplayName(
                "from OpenAiChatModel.stream: the Flux fails with the ReplayMissError itself, not WebClient's wrapper")
        void stream() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = session(Mode.REPLAY, "missStream")) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                texts(model(session, sentinelBase(sentinel), CANARY_KEY), "Never recorded")
                        .onErrorResume(e -> {
                            failure.set(e);
                            return Flux.empty();
                        })
                        .collectList()
                        .block(Duration.ofSeconds(30));

                assertThat(failure.get())
                        .isExactlyInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("Never recorded");
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.MISSED);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Test
    @DisplayName("the API key reaches no recording, and neither it nor the User-Agent is part of the key")
    void credentials() throws Exception {
        String recorded = recordPlain("credentials");
        recordStream("credentialsStream");

        assertThat(allRecordings()).doesNotContain(CANARY_KEY);
        try (HarnessSession session = session(Mode.REPLAY, "credentials")) {
            LinkedMultiValueMap<String, String> telemetry = new LinkedMultiValueMap<>();
            telemetry.add("User-Agent", "another-agent/9.9");
            telemetry.add("X-Telemetry", "run-42");
            OpenAiApi api = OpenAiApi.builder()
                    .baseUrl(Upstream.BEDROCK)
                    .apiKey("a-different-key")
                    .headers(telemetry)
                    .restClientBuilder(
                            HarnessRestClient.wire(org.springframework.web.client.RestClient.builder(), session))
                    .webClientBuilder(HarnessWebClient.wire(
                            org.springframework.web.reactive.function.client.WebClient.builder(), session))
                    .build();
            OpenAiChatModel other = OpenAiChatModel.builder()
                    .openAiApi(api)
                    .defaultOptions(Upstream.options().build())
                    .build();

            assertThat(other.call(PROMPT)).isEqualTo(recorded);
        }
    }

    /**
     * At the WebClient seam, which is the harness's. (Spring AI's OpenAiChatModel.stream itself holds each chunk
     * back until the next arrives, {@code buffer(2, 1)}, to merge the usage into the last one; so its caller sees
     * chunk n when chunk n+1 arrives, with or without the harness.)
     */
    @Test
    @DisplayName(
            "recording passes the stream through live: a WebClient caller sees chunk 1 before upstream sends chunk 2")
    void recordingStreamsLive() throws Exception {
        List<String> events;
        try (GatedSseServer upstream = new GatedSseServer();
                HarnessSession session = session(Mode.RECORD, "gated")) {
            events = HarnessWebClient.wire(WebClient.builder(), session)
                    .build()
                    .post()
                    .uri(upstream.baseUrl() + "/chat/completions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"stream\":true}")
                    .retrieve()
                    .bodyToFlux(String.class)
                    .doOnNext(event -> upstream.release()) // chunk 2 is sent only after the caller has seen chunk 1
                    .collectList()
                    .block(Duration.ofSeconds(30));
            assertThat(upstream.secondSentBeforeRelease())
                    .as("chunk 2 was sent before the caller saw chunk 1")
                    .isFalse();
        }
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).contains(GatedSseServer.FIRST);
        assertThat(events.get(1)).contains(GatedSseServer.SECOND);
        assertThat(allRecordings()).contains(GatedSseServer.FIRST, GatedSseServer.SECOND, "[DONE]");
    }

    @Test
    @DisplayName("an error status is recorded and replayed: Spring AI raises the same NonTransientAiException, once")
    void errorStatus() {
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "error")) {
            emulator.bedrockEmulator().enqueue(ScriptedResponse.of(400, "{\"error\":{\"message\":\"bad prompt\"}}"));
            assertThatThrownBy(
                            () -> model(session, emulator.baseUrl(), CANARY_KEY).call(PROMPT))
                    .isInstanceOf(NonTransientAiException.class)
                    .hasMessageContaining("bad prompt");
        }
        try (HarnessSession session = session(Mode.REPLAY, "error")) {
            assertThatThrownBy(() -> model(session, Upstream.BEDROCK, "k").call(PROMPT))
                    .isInstanceOf(NonTransientAiException.class)
                    .hasMessageContaining("bad prompt");
            assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.REPLAYED);
        }
    }

    @Test
    @DisplayName(
            "seam independence: a recording made through Spring's RestClient replays through the java.net.http adapter")
    void replaysAtTheJdkAdapter() throws Exception {
        String body;
        try (Upstream emulator = Upstream.emulator();
                HarnessSession session = session(Mode.RECORD, "seams")) {
            model(session, emulator.baseUrl(), CANARY_KEY).call(PROMPT);
            body = emulator.bedrockEmulator().requests().get(0).body(); // exactly what Spring AI sent
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
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
