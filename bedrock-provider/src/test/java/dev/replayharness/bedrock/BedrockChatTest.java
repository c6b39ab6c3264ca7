package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.ChatMessage;
import dev.replayharness.openai.StreamedCompletion;

@DisplayName("Chat completions through Bedrock's OpenAI-compatible endpoint")
class BedrockChatTest {

    static final String STACK_ID = "bedrock/openai.gpt-oss-20b-1:0";
    static final String BEDROCK_ID = "openai.gpt-oss-20b-1:0";

    BedrockEmulator emulator;
    BedrockClient bedrock;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
        bedrock = TestClients.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    static ChatCompletionRequest ask(String prompt) {
        return ChatCompletionRequest.builder(STACK_ID).user(prompt).build();
    }

    @Nested
    @DisplayName("non-streaming")
    class NonStreaming {

        @ParameterizedTest(name = "\"{0}\" is answered with {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Which planet do humans live on?|Earth",
                    "Which planet has rings around it with a name starting with letter S?|Saturn",
                    "What's the name of the Sun in latin?|Sol",
                    "What is the name of the US captial?|Washington, D.C.",
                    "Hello, world!|Hello"
                })
        void answers(String prompt, String expected) {
            ChatCompletion completion = bedrock.chat(ask(prompt));
            assertThat(completion.content()).contains(expected);
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(completion.usage().totalTokens())
                    .isEqualTo(completion.usage().promptTokens()
                            + completion.usage().completionTokens());
        }

        @Test
        @DisplayName("splits gpt-oss's inline reasoning from the answer and keeps the raw content")
        void reasoning() {
            ChatCompletion completion = bedrock.chat(ask("Which planet do humans live on?"));
            assertThat(completion.rawContent()).startsWith("<reasoning>").contains("</reasoning>Humans live on");
            assertThat(completion.reasoning()).isEqualTo("The user asks which planet humans live on. That is Earth.");
            assertThat(completion.content()).doesNotContain("reasoning").startsWith("Humans live on **Earth**");
        }

        @Test
        @DisplayName("sends the Bedrock model id when the request names the stack id")
        void modelId() {
            bedrock.chat(ask("Hello, world!"));
            bedrock.chat(ChatCompletionRequest.builder(BEDROCK_ID)
                    .user("Hello, world!")
                    .build());
            assertThat(emulator.requests())
                    .extracting(request -> request.body())
                    .allSatisfy(body -> assertThat(body).startsWith("{\"model\":\"" + BEDROCK_ID + "\","));
        }

        @Test
        @DisplayName("answers in the persona a system message sets")
        void systemMessage() {
            ChatCompletion pirate = bedrock.chat(ChatCompletionRequest.builder(STACK_ID)
                    .system("You are a pirate. Respond in pirate speak.")
                    .user("Hello!")
                    .build());
            ChatCompletion bard = bedrock.chat(ChatCompletionRequest.builder(STACK_ID)
                    .system("You are Shakespeare. Respond only in Shakespearean English.")
                    .user("Tell me about the weather today")
                    .build());
            assertThat(pirate.content()).startsWith("Ahoy, matey!");
            assertThat(bard.content()).startsWith("Hark").contains("Thou");
        }

        @Test
        @DisplayName("keeps context across turns")
        void multiTurn() {
            ChatCompletion completion = bedrock.chat(ChatCompletionRequest.builder(STACK_ID)
                    .user("My name is Alice")
                    .assistant("Nice to meet you, Alice! How can I help you today?")
                    .user("What is my name?")
                    .build());
            assertThat(completion.content()).contains("Alice");
        }

        @Test
        @DisplayName("sends sampling parameters in snake_case")
        void sampling() {
            ChatCompletion haiku = bedrock.chat(ChatCompletionRequest.builder(STACK_ID)
                    .user("Write a haiku about coding")
                    .temperature(0.9)
                    .topP(0.95)
                    .maxTokens(50)
                    .build());
            assertThat(haiku.content().split("\n")).hasSize(3);
            assertThat(emulator.requests().get(0).body())
                    .contains("\"temperature\":0.9,\"top_p\":0.95,\"max_tokens\":50");
        }

        @Test
        @DisplayName("sends earlier reasoning in the history as given by default, drops it only when told to")
        void reasoningPolicy() {
            ChatMessage earlier = bedrock.chat(ask("My name is Alice")).message();
            ChatCompletionRequest followUp = ChatCompletionRequest.builder(BEDROCK_ID)
                    .user("My name is Alice")
                    .message(earlier)
                    .user("What is my name?")
                    .build();

            bedrock.chat(followUp);
            TestClients.client(
                            emulator,
                            TestClients.KEY,
                            config -> config.reasoningPolicy(ReasoningPolicy.DROP_FROM_HISTORY),
                            new FakeTime())
                    .chat(followUp);

            assertThat(emulator.requests().get(1).body())
                    .isEqualTo(dev.replayharness.openai.OpenAiJson.write(followUp))
                    .contains("<reasoning>");
            assertThat(emulator.requests().get(2).body())
                    .doesNotContain("<reasoning>")
                    .contains("This is the Bedrock emulator's reply.");
        }

        @Test
        @DisplayName("gets byte-identical answers for the same request")
        void deterministic() {
            assertThat(bedrock.chat(ask("Hello, world!"))).isEqualTo(bedrock.chat(ask("Hello, world!")));
        }
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {

        @Test
        @DisplayName("reassembles content equal to the concatenated deltas and splits off the reasoning")
        void reassemble() {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            try (ChatCompletionStream stream = bedrock.chatStream(ask("What's the name of the Sun in latin?"))) {
                stream.forEachRemaining(chunks::add);
            }
            StringBuilder deltas = new StringBuilder();
            StringBuilder answer = new StringBuilder();
            chunks.forEach(chunk -> deltas.append(chunk.rawContentDelta()));
            chunks.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .filter(choice -> choice.delta() != null && choice.delta().content() != null)
                    .forEach(choice -> answer.append(choice.delta().content()));

            StreamedCompletion whole = bedrock.chatStream(ask("What's the name of the Sun in latin?"))
                    .accumulate();
            assertThat(whole.rawContent()).isEqualTo(deltas.toString());
            assertThat(whole.content()).isEqualTo(answer.toString()).contains("Sol");
            assertThat(whole.reasoning())
                    .isEqualTo("The user wants the Latin word for the Sun. It is sol; genitive solis.");
            assertThat(whole.finishReason()).isEqualTo("stop");
        }

        @Test
        @DisplayName("starts with a role chunk with empty content and ends with an empty chunk carrying finish_reason")
        void shape() {
            List<ChatCompletionChunk> chunks;
            try (ChatCompletionStream stream = bedrock.chatStream(ask("Hello, world!"))) {
                chunks = stream.stream().toList();
                assertThat(stream.sawDone()).isTrue();
            }
            assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
            assertThat(chunks.get(0).rawContentDelta()).isEmpty();
            ChatCompletionChunk last = chunks.get(chunks.size() - 1);
            assertThat(last.finishReason()).isEqualTo("stop");
            assertThat(last.rawContentDelta()).isEmpty();
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.usage()).isNull());
        }

        @Test
        @DisplayName("ends with a usage chunk with empty choices when include_usage is asked for")
        void usage() {
            StreamedCompletion whole = bedrock.chatStream(ChatCompletionRequest.builder(STACK_ID)
                            .user("What is the name of the US captial?")
                            .includeUsage(true)
                            .build())
                    .accumulate();
            assertThat(whole.content()).contains("Washington, D.C.");
            assertThat(whole.usage()).isNotNull();
            assertThat(whole.usage().totalTokens()).isPositive();
        }

        @Test
        @DisplayName("closing a stream midway drops the connection, which the server notices")
        void earlyClose() throws InterruptedException {
            emulator.slowStreams(Duration.ofMillis(20), 500);
            ChatCompletionStream stream = bedrock.chatStream(ask("Hello, world!"));
            assertThat(stream.next().choices().get(0).delta().role()).isEqualTo("assistant");
            stream.close();

            assertThat(emulator.awaitAbortedStream(Duration.ofSeconds(30)))
                    .as("the emulator saw the client abandon the stream")
                    .isTrue();
            assertThat(stream.hasNext()).isFalse();
        }
    }
}
