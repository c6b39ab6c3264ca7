package dev.replayharness.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import dev.replayharness.bedrock.emulator.BedrockUpstream;
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
 * OkHttp against Bedrock's OpenAI-compatible endpoint through {@link HarnessOkHttp}: a plain
 * {@code OkHttpClient}, {@code okhttp-sse}, and the OpenAI Java SDK's own OkHttp client with the
 * interceptor added. Replayed from {@code recordings/okhttp/} by default (no network, no key);
 * {@code -Dharness.mode=record} re-records against the loopback Bedrock emulator.
 */
@Recorded(namespace = "okhttp", normalization = OkHttpRecordedTest.Normalization.class)
@DisplayName("OkHttp through the harness (recorded)")
public class OkHttpRecordedTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    /** Chat completion ids and timestamps become rec-<key> and 0, so re-recording changes nothing. */
    public static final class Normalization implements HarnessCustomizer {
        @Override
        public void customize(Harness.Builder harness) {
            harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
        }
    }

    private BedrockUpstream upstream;
    private HarnessSession session;

    @BeforeEach
    void upstream(HarnessSession session) {
        this.session = session;
        this.upstream = BedrockUpstream.forSession(session);
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    /** Every exchange the test made, once each has been written. */
    private List<RecordingUse> finishedUses() {
        session.close();
        return session.uses();
    }

    private Request chat(String question, boolean stream) {
        String body = "{\"model\":\"" + BedrockUpstream.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + JSON.writeValueAsString(question) + "}]" + (stream ? ",\"stream\":true" : "") + "}";
        return new Request.Builder()
                .url(upstream.baseUrl() + "/chat/completions")
                .header("Authorization", "Bearer " + upstream.apiKey())
                .post(RequestBody.create(body, APPLICATION_JSON))
                .build();
    }

    private void assertRecordedOrReplayed() {
        assertThat(finishedUses())
                .singleElement()
                .extracting(RecordingUse::outcome)
                .isEqualTo(
                        session.mode() == Mode.REPLAY ? RecordingUse.Outcome.REPLAYED : RecordingUse.Outcome.RECORDED);
    }

    @Nested
    @DisplayName("a plain OkHttpClient with the interceptor")
    class Plain {
        @Test
        @DisplayName(
                "non-streaming: the guide's question is answered from the recording (the OkHttpClient is injected)")
        void nonStreaming(OkHttpClient http) throws IOException {
            try (Response response =
                    http.newCall(chat("Which planet do humans live on?", false)).execute()) {
                assertThat(response.code()).isEqualTo(200);
                JsonNode answer = JSON.readTree(response.body().string());
                assertThat(answer.at("/choices/0/message/content").asString().toLowerCase(Locale.ROOT))
                        .contains("earth");
            }
            assertRecordedOrReplayed();
        }
    }

    @Nested
    @DisplayName("okhttp-sse over the wired client")
    class Sse {
        @Test
        @DisplayName(
                "streaming: every event arrives through EventSourceListener, [DONE] last, and the deltas are the answer")
        void streaming() throws Exception {
            OkHttpClient http = HarnessOkHttp.client(session);
            List<String> events = new ArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            EventSource source = EventSources.createFactory(http)
                    .newEventSource(chat("What's the name of the Sun in latin?", true), new EventSourceListener() {
                        @Override
                        public void onEvent(EventSource eventSource, String id, String type, String data) {
                            events.add(data);
                        }

                        @Override
                        public void onClosed(EventSource eventSource) {
                            done.complete(null);
                        }

                        @Override
                        public void onFailure(EventSource eventSource, Throwable t, Response response) {
                            done.completeExceptionally(t == null ? new AssertionError("failed: " + response) : t);
                        }
                    });
            done.get(10, TimeUnit.SECONDS);
            source.cancel();

            assertThat(events).hasSizeGreaterThan(2).last().isEqualTo("[DONE]");
            StringBuilder answer = new StringBuilder();
            events.stream()
                    .filter(e -> !e.equals("[DONE]"))
                    .map(JSON::readTree)
                    .forEach(chunk ->
                            answer.append(chunk.at("/choices/0/delta/content").asString("")));
            assertThat(answer.toString()).contains("Sol");
            assertRecordedOrReplayed();
        }
    }

    @Nested
    @DisplayName("the OpenAI Java SDK's own OkHttp client, OpenAIOkHttpClient.builder().addInterceptor(...)")
    class OpenAiSdk {
        private OpenAIClient openai;

        @BeforeEach
        void client() {
            openai = OpenAIOkHttpClient.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey())
                    .addInterceptor(HarnessOkHttp.interceptor(session))
                    .build();
        }

        @AfterEach
        void closeClient() {
            openai.close();
        }

        private ChatCompletionCreateParams ask(String question) {
            return ChatCompletionCreateParams.builder()
                    .model(BedrockUpstream.MODEL)
                    .addUserMessage(question)
                    .build();
        }

        @Test
        @DisplayName("non-streaming: create() answers from the recording")
        void nonStreaming() {
            ChatCompletion completion = openai.chat().completions().create(ask("What is the name of the US captial?"));

            assertThat(completion.choices().get(0).message().content().orElseThrow())
                    .contains("Washington");
            assertRecordedOrReplayed();
        }

        @Test
        @DisplayName(
                "streaming: createStreaming's deltas, concatenated, are the answer; the SDK's key and telemetry are in no file")
        void streaming() throws IOException {
            StringBuilder deltas = new StringBuilder();
            try (StreamResponse<ChatCompletionChunk> stream =
                    openai.chat().completions().createStreaming(ask("Write a haiku about coding"))) {
                stream.stream()
                        .forEach(chunk ->
                                chunk.choices().forEach(c -> c.delta().content().ifPresent(deltas::append)));
            }

            assertThat(deltas.toString()).contains("Tests bring back the dawn");
            List<RecordingUse> uses = finishedUses();
            assertThat(uses)
                    .singleElement()
                    .extracting(RecordingUse::outcome)
                    .isEqualTo(
                            session.mode() == Mode.REPLAY
                                    ? RecordingUse.Outcome.REPLAYED
                                    : RecordingUse.Outcome.RECORDED);
            String file = Files.readString(uses.get(0).file()).toLowerCase(Locale.ROOT);
            assertThat(file).doesNotContain("x-stainless", "user-agent", "authorization", BedrockUpstream.EMULATOR_KEY);
        }
    }
}
