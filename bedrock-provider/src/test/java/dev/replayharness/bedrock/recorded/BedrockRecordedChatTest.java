package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockModelNotFoundException;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.Recorded;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.StreamedCompletion;

/**
 * The Bedrock provider's recorded tests: the cases of the Bedrock testing guide, replayed from
 * {@code recordings/bedrock/} by default. Re-record with {@code -Dharness.mode=record} and a token
 * ({@code AWS_BEARER_TOKEN_BEDROCK}), or offline against the emulator with {@code -Dsetup=bedrock-emulator}.
 */
@Recorded(namespace = "bedrock", normalization = BedrockNormalization.class)
@ExtendWith(BedrockSetupExtension.class)
@DisplayName("Bedrock chat completions (recorded)")
public class BedrockRecordedChatTest {
    BedrockClient bedrock;
    String model;
    HarnessSession session;

    @BeforeEach
    void client(BedrockSetup setup, HttpClientWiring wiring, HarnessSession session) {
        this.bedrock = setup.client(wiring);
        this.model = setup.textModel();
        this.session = session;
    }

    private String ask(String question) {
        ChatCompletion completion =
                bedrock.chat(ChatCompletionRequest.builder(model).user(question).build());
        assertThat(completion.rawContent())
                .as("raw content keeps the reasoning")
                .contains(completion.content());
        return completion.content();
    }

    private StreamedCompletion stream(String question) {
        try (ChatCompletionStream stream = bedrock.chatStream(
                ChatCompletionRequest.builder(model).user(question).build())) {
            StreamedCompletion completion = stream.accumulate();
            assertThat(stream.sawDone()).as("the stream ended with [DONE]").isTrue();
            return completion;
        }
    }

    @Nested
    @DisplayName("non-streaming")
    class NonStreaming {
        @Test
        @DisplayName("non_streaming_01: Which planet do humans live on? -> Earth")
        void nonStreaming01() {
            assertThat(Answers.normalized(ask("Which planet do humans live on?")))
                    .contains("earth");
        }

        @Test
        @DisplayName("non_streaming_02: Which planet has rings ... starting with letter S? -> Saturn")
        void nonStreaming02() {
            assertThat(Answers.normalized(ask("Which planet has rings around it with a name starting with letter S?")))
                    .contains("saturn");
        }
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {
        @Test
        @DisplayName("streaming_01: What's the name of the Sun in latin? -> Sol, and the content is the deltas joined")
        void streaming01() {
            StreamedCompletion completion = stream("What's the name of the Sun in latin?");
            assertThat(Answers.normalized(completion.content())).contains("sol");
            assertThat(completion.finishReason()).isEqualTo("stop");
        }

        @Test
        @DisplayName("streaming_02: What is the name of the US captial? -> Washington")
        void streaming02() {
            assertThat(Answers.normalized(
                            stream("What is the name of the US captial?").content()))
                    .contains("washington");
        }

        @Test
        @DisplayName("the accumulated raw content equals the concatenated deltas")
        void deltas() {
            StringBuilder deltas = new StringBuilder();
            StreamedCompletion accumulated;
            try (ChatCompletionStream stream = bedrock.chatStream(ChatCompletionRequest.builder(model)
                    .user("What's the name of the Sun in latin?")
                    .build())) {
                List<ChatCompletionChunk> chunks = stream.stream().toList();
                chunks.forEach(c -> deltas.append(c.rawContentDelta() == null ? "" : c.rawContentDelta()));
                assertThat(chunks).hasSizeGreaterThan(2);
            }
            accumulated = stream("What's the name of the Sun in latin?");
            assertThat(accumulated.rawContent()).isEqualTo(deltas.toString());
        }
    }

    @Test
    @DisplayName("system message: the persona shapes the answer")
    void systemMessage() {
        ChatCompletion completion = bedrock.chat(ChatCompletionRequest.builder(model)
                .system("You are a pirate. Respond in pirate speak.")
                .user("Hello!")
                .build());
        assertThat(Answers.normalized(completion.content())).containsAnyOf("arr", "ahoy", "matey", "ye ", "aye");
    }

    @Test
    @DisplayName("multi-turn: the model recalls a name from an earlier turn")
    void multiTurn() {
        ChatCompletion completion = bedrock.chat(ChatCompletionRequest.builder(model)
                .user("My name is Alice")
                .assistant("Nice to meet you, Alice! How can I help you today?")
                .user("What is my name?")
                .build());
        assertThat(Answers.normalized(completion.content())).contains("alice");
    }

    @Test
    @DisplayName("sampling parameters: low and high temperature, top_p and max_tokens are accepted")
    void samplingParameters() {
        ChatCompletion low = bedrock.chat(ChatCompletionRequest.builder(model)
                .user("Write a haiku about coding")
                .temperature(0.1)
                .maxTokens(50)
                .build());
        ChatCompletion high = bedrock.chat(ChatCompletionRequest.builder(model)
                .user("Write a haiku about coding")
                .temperature(0.9)
                .topP(0.95)
                .maxTokens(50)
                .build());
        assertThat(low.content()).isNotBlank();
        assertThat(high.content()).isNotBlank();
        assertThat(session.uses())
                .extracting(RecordingUse::file)
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Nested
    @DisplayName("error handling")
    class Errors {
        @Test
        @DisplayName("a model Bedrock does not serve: a 404, recorded and replayed, naming model and region")
        void modelNotFound(BedrockSetup setup, HttpClientWiring wiring) {
            RegisteredModel missing = new RegisteredModel(
                    "bedrock/openai.gpt-oss-999b-1:0", "bedrock", "openai.gpt-oss-999b-1:0", "llm", java.util.Map.of());
            BedrockClient client = setup.client(wiring, ModelRegistry.of(List.of(missing)));
            assertThatThrownBy(() -> client.chat(ChatCompletionRequest.builder(missing.stackId())
                            .user("Hello!")
                            .build()))
                    .isInstanceOf(BedrockModelNotFoundException.class)
                    .hasMessageContaining("openai.gpt-oss-999b-1:0")
                    .hasMessageContaining(setup.region());
            assertThat(session.uses())
                    .extracting(RecordingUse::outcome)
                    .doesNotContain(RecordingUse.Outcome.MISSED)
                    .hasSize(1);
        }

        @Test
        @DisplayName("an unregistered model fails before any request")
        void unregistered() {
            assertThatThrownBy(() -> bedrock.chat(ChatCompletionRequest.builder("bedrock/no-such-model")
                            .user("Hi")
                            .build()))
                    .isInstanceOf(BedrockModelNotFoundException.class)
                    .hasMessageContaining("bedrock/openai.gpt-oss-20b-1:0");
            assertThat(session.uses()).isEmpty();
        }
    }
}
