package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;

import dev.replayharness.bedrock.recorded.BedrockNormalization;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.Recorded;

/**
 * LangChain4j's OpenAI models against Bedrock's OpenAI-compatible endpoint through
 * {@link HarnessLangChain4j}: replayed from {@code recordings/langchain4j/} by default (no network, no key);
 * {@code -Dharness.mode=record} re-records against the loopback Bedrock emulator.
 */
@Recorded(namespace = "langchain4j", normalization = BedrockNormalization.class)
@DisplayName("LangChain4j through the harness (recorded)")
public class LangChain4jRecordedTest {

    private Upstream upstream;
    private HarnessSession session;

    @BeforeEach
    void upstream(HarnessSession session) {
        this.session = session;
        this.upstream = Upstream.forSession(session);
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private List<RecordingUse.Outcome> outcomes() {
        return session.uses().stream().map(RecordingUse::outcome).toList();
    }

    @Nested
    @DisplayName("OpenAiChatModel, the guide's prompts")
    class Plain {
        @Test
        @DisplayName("simple chat: which planet humans live on (the HttpClientBuilder injected as a test parameter)")
        void simpleChat(HttpClientBuilder http) {
            String answer = upstream.chat(http).build().chat("Which planet do humans live on?");

            assertThat(answer.toLowerCase(Locale.ROOT)).contains("earth");
        }

        @Test
        @DisplayName("a system message: the pirate")
        void systemMessage() {
            ChatResponse response = upstream.chat(session)
                    .build()
                    .chat(SystemMessage.from("You are a pirate. Respond in pirate speak."), UserMessage.from("Hello!"));

            assertThat(response.aiMessage().text()).contains("Ahoy");
        }

        @Test
        @DisplayName("multi-turn: the model remembers the name it was told")
        void multiTurn() {
            ChatResponse response = upstream.chat(session)
                    .build()
                    .chat(
                            UserMessage.from("My name is Alice"),
                            AiMessage.from("Nice to meet you, Alice!"),
                            UserMessage.from("What is my name?"));

            assertThat(response.aiMessage().text()).contains("Alice");
        }

        @Test
        @DisplayName("sampling parameters are sent and answered")
        void samplingParameters() {
            ChatModel model = upstream.chat(session)
                    .temperature(0.7)
                    .topP(0.9)
                    .maxTokens(200)
                    .build();

            assertThat(model.chat("Write a haiku about coding")).isNotBlank();
        }
    }

    @Test
    @DisplayName("OpenAiStreamingChatModel: the answer arrives in several chunks that add up to the complete response")
    void streaming() throws Exception {
        Streams streamed = Streams.chat(upstream.streaming(session).build(), "Write a haiku about coding");

        assertThat(streamed.partials()).hasSizeGreaterThan(1);
        assertThat(streamed.joined()).isEqualTo(streamed.response().aiMessage().text());
    }

    /** The LangChain4j side of the emulator's tool: counts its calls. */
    public static final class Liquids {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Returns the boiling point of a liquid in Celsius")
        public String get_boiling_point(@P("the liquid's name") String liquid_name) {
            calls.incrementAndGet();
            return "-100";
        }
    }

    interface Assistant {
        String chat(String message);
    }

    @Test
    @DisplayName(
            "AiServices with an @Tool: the call, the tool's result sent back, the answer — two requests, both replayed")
    void toolCall() {
        Liquids liquids = new Liquids();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(upstream.chat(session).build())
                .tools(liquids)
                .build();

        String answer = assistant.chat("What is the boiling point of myawesomeliquid?");

        assertThat(liquids.calls).hasValue(1);
        assertThat(answer).contains("-100");
        assertThat(session.uses()).hasSize(2);
        assertThat(outcomes())
                .containsOnly(
                        session.mode() == dev.replayharness.core.Mode.REPLAY
                                ? RecordingUse.Outcome.REPLAYED
                                : RecordingUse.Outcome.RECORDED);
    }
}
