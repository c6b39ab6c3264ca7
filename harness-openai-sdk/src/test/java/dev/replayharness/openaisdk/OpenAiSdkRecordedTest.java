package dev.replayharness.openaisdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.junit.HarnessCustomizer;
import dev.replayharness.junit.Recorded;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official OpenAI Java SDK against Bedrock's OpenAI-compatible endpoint, through
 * {@link HarnessOpenAiTransport}: replayed from {@code recordings/openai-sdk/} by default (no network,
 * no key); {@code -Dharness.mode=record} re-records against the loopback Bedrock emulator
 * ({@code -Dsetup=bedrock} with {@code AWS_BEARER_TOKEN_BEDROCK}: against Amazon Bedrock).
 */
@Recorded(namespace = "openai-sdk", normalization = OpenAiSdkRecordedTest.Normalization.class)
@DisplayName("The OpenAI Java SDK through the harness (recorded)")
class OpenAiSdkRecordedTest {

    /** Chat completion ids and timestamps become rec-<key> and 0, so re-recording changes nothing. */
    public static final class Normalization implements HarnessCustomizer {
        @Override
        public void customize(Harness.Builder harness) {
            harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
        }
    }

    private static final String KEY_FILE = "%s.json";
    private static final String KEY_FILE_N = "%s-%d.json";

    private SdkUpstream upstream;
    private OpenAIClient openai;
    private HarnessSession session;

    @BeforeEach
    void client(HttpClient http, HarnessSession session) {
        this.session = session;
        this.upstream = SdkUpstream.forSession(session);
        this.openai = upstream.client(HarnessOpenAiTransport.of(http));
    }

    @AfterEach
    void close() {
        openai.close();
        upstream.close();
    }

    /**
     * Every request the test made, once each has been recorded: closing the session waits for responses
     * the SDK closed unread (a retried 429 or 503), which the harness drains into their recordings in the
     * background. Closing twice is harmless; JUnit closes it again at the end.
     */
    private List<RecordingUse> finishedUses() {
        session.close();
        return session.uses();
    }

    /** The key (file name without occurrence and extension) of the i-th request. */
    private String key(int i) {
        return session.uses().get(i).file().getFileName().toString().replaceAll("(-\\d+)?\\.json$", "");
    }

    private static ChatCompletionCreateParams ask(String question) {
        return ChatCompletionCreateParams.builder()
                .model(SdkUpstream.MODEL)
                .addUserMessage(question)
                .build();
    }

    private static String content(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElseThrow();
    }

    /**
     * Scripts the emulator's next answers, when recording against it (replay needs no upstream). Recording
     * against Amazon Bedrock itself ({@code -Dsetup=bedrock}) skips the test: Bedrock cannot be scripted.
     */
    private void script(ScriptedResponse... responses) {
        BedrockEmulator emulator = upstream.emulator();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                emulator != null || session.mode() == Mode.REPLAY,
                "scripted upstream errors are recorded against the emulator only (-Dsetup=" + SdkUpstream.DEFAULT_SETUP
                        + ")");
        if (emulator != null) {
            emulator.enqueue(responses);
        }
    }

    @Test
    @DisplayName("non-streaming: chat().completions().create answers from the recording")
    void nonStreaming() {
        ChatCompletion completion = openai.chat().completions().create(ask("Which planet do humans live on?"));

        assertThat(content(completion).toLowerCase(Locale.ROOT)).contains("earth");
        assertThat(completion.model()).isEqualTo(SdkUpstream.MODEL);
        if (session.mode() == Mode.REPLAY) {
            assertThat(completion.id())
                    .as("the id as normalized in the recording")
                    .startsWith("rec-");
        }
        assertThat(finishedUses())
                .singleElement()
                .extracting(RecordingUse::outcome)
                .isEqualTo(
                        session.mode() == Mode.REPLAY ? RecordingUse.Outcome.REPLAYED : RecordingUse.Outcome.RECORDED);
    }

    @Test
    @DisplayName("streaming: createStreaming's deltas, concatenated, are the recorded answer")
    void streaming() {
        StringBuilder deltas = new StringBuilder();
        int chunks = 0;
        try (StreamResponse<ChatCompletionChunk> stream =
                openai.chat().completions().createStreaming(ask("What's the name of the Sun in latin?"))) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunks++;
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(deltas::append));
            }
        }

        assertThat(chunks).as("chunks").isGreaterThan(2);
        assertThat(deltas.toString().toLowerCase(Locale.ROOT)).contains("sol");
        Path recording = finishedUses().get(0).file();
        assertThat(deltas.toString()).isEqualTo(recordedDeltas(recording));
    }

    /** The answer as the recording holds it: every event's {@code choices[0].delta.content}, joined. */
    private static String recordedDeltas(Path recording) {
        JsonNode events = JsonMapper.builder()
                .build()
                .readTree(recording.toFile())
                .path("response")
                .path("body")
                .path("events");
        StringBuilder answer = new StringBuilder();
        for (JsonNode event : events) {
            JsonNode content =
                    event.path("data").path("choices").path(0).path("delta").path("content");
            if (content.isString()) {
                answer.append(content.asString());
            }
        }
        assertThat(events.size()).as("events in %s", recording).isGreaterThan(2);
        assertThat(events.get(events.size() - 1).path("data").asString()).isEqualTo("[DONE]");
        return answer.toString();
    }

    @Test
    @DisplayName("multi-turn: the model recalls a name from an earlier turn")
    void multiTurn() {
        ChatCompletion completion = openai.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(SdkUpstream.MODEL)
                        .addSystemMessage("You are a helpful assistant.")
                        .addUserMessage("My name is Alice")
                        .addAssistantMessage("Nice to meet you, Alice! How can I help you today?")
                        .addUserMessage("What is my name?")
                        .build());

        assertThat(content(completion)).contains("Alice");
    }

    @Test
    @DisplayName("a model Bedrock does not serve: the recorded 404 becomes the SDK's NotFoundException")
    void notFound() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("openai.gpt-oss-999b-1:0")
                .addUserMessage("Hello!")
                .build();

        assertThatThrownBy(() -> openai.chat().completions().create(params))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessageContaining("openai.gpt-oss-999b-1:0");
        assertThat(finishedUses()).as("a 404 is not retried").hasSize(1);
    }

    @Test
    @DisplayName("throttled on every attempt: three recorded 429s, replayed in order, end in RateLimitException")
    void throttled() {
        script(ScriptedResponse.throttled("0"), ScriptedResponse.throttled("0"), ScriptedResponse.throttled("0"));

        assertThatThrownBy(() -> openai.chat().completions().create(ask("Which planet do humans live on?")))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(429))
                .hasMessageContaining("Too many requests");
        assertThat(finishedUses())
                .as("the SDK's first attempt and its two retries, each its own recording")
                .extracting(use -> use.file().getFileName().toString())
                .containsExactlyInAnyOrder(
                        KEY_FILE.formatted(key(0)), KEY_FILE_N.formatted(key(0), 2), KEY_FILE_N.formatted(key(0), 3));
    }

    @Test
    @DisplayName("a 503, then an answer: the SDK's retry is recorded as the second occurrence and replays the same way")
    void retriedAfterServerError() {
        script(ScriptedResponse.unavailable("0"));

        ChatCompletion completion = openai.chat()
                .completions()
                .create(ask("Which planet has rings around it with a name" + " starting with letter S?"));

        assertThat(content(completion)).contains("Saturn");
        assertThat(finishedUses())
                .as("the retry differs only in headers (X-Stainless-Retry-Count), so it has the same key: occurrence 2")
                .extracting(use -> use.file().getFileName().toString())
                .containsExactlyInAnyOrder(KEY_FILE.formatted(key(0)), KEY_FILE_N.formatted(key(0), 2));
    }

    @Test
    @DisplayName("a 500 on every attempt ends in the SDK's InternalServerException with the status")
    void serverError() {
        ScriptedResponse failure = new ScriptedResponse(
                500,
                java.util.Map.of("Retry-After", "0"),
                "{\"error\":{\"message\":\"Internal failure\",\"type\":\"api_error\"}}");
        script(failure, failure, failure);

        assertThatThrownBy(() -> openai.chat().completions().create(ask("Hello, world!")))
                .isInstanceOfSatisfying(
                        InternalServerException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500))
                .hasMessageContaining("Internal failure");
        assertThat(finishedUses()).hasSize(3);
    }

    @Test
    @DisplayName("replay needs no upstream: with the emulator stopped, its URL still answers from the recording")
    void replaysWithTheEmulatorStopped() throws Exception {
        String stopped;
        try (BedrockEmulator emulator = BedrockEmulator.start()) {
            stopped = emulator.baseUri().toString();
        }
        if (session.mode() == Mode.REPLAY) {
            HttpClient plain = HttpClient.newHttpClient();
            assertThatThrownBy(() -> plain.send(
                            HttpRequest.newBuilder(URI.create(stopped + "/chat/completions"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .as("the emulator is stopped")
                    .isInstanceOf(ConnectException.class);
        }
        OpenAIClient offline = upstream.client(
                HarnessOpenAiTransport.of(session), session.mode() == Mode.REPLAY ? stopped : upstream.baseUrl());
        try {
            assertThat(content(offline.chat().completions().create(ask("Which planet do humans live on?"))))
                    .contains("Earth");
        } finally {
            offline.close();
        }
    }
}
