package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.bedrock.recorded.BedrockNormalization;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;

/**
 * Spring AI's {@code OpenAiChatModel} (1.1.x: {@code OpenAiApi} over {@code RestClient} and {@code WebClient})
 * against Bedrock's OpenAI-compatible endpoint, wired through {@link HarnessRestClient} and
 * {@link HarnessWebClient}: replayed from {@code recordings/spring-ai/} by default (no network, no key);
 * {@code -Dharness.mode=record} re-records against the loopback Bedrock emulator.
 */
@Recorded(namespace = "spring-ai", normalization = BedrockNormalization.class)
@DisplayName("Spring AI through the harness (recorded)")
public class SpringAiRecordedTest {

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

    private static String text(ChatResponse response) {
        return response.getResult().getOutput().getText();
    }

    @Nested
    @DisplayName("non-streaming (RestClient), the guide's prompts")
    class Plain {
        @Test
        @DisplayName(
                "simple chat: which planet humans live on (RestClient.Builder and WebClient.Builder injected as test parameters)")
        void simpleChat(RestClient.Builder rest, WebClient.Builder web) {
            OpenAiApi api = OpenAiApi.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey())
                    .restClientBuilder(rest)
                    .webClientBuilder(web)
                    .build();
            String answer = OpenAiChatModel.builder()
                    .openAiApi(api)
                    .defaultOptions(Upstream.options().build())
                    .build()
                    .call("Which planet do humans live on?");

            assertThat(answer.toLowerCase(Locale.ROOT)).contains("earth");
        }

        @Test
        @DisplayName("a system message: the pirate")
        void systemMessage() {
            ChatResponse response = upstream.model(session)
                    .call(new Prompt(List.of(
                            new SystemMessage("You are a pirate. Respond in pirate speak."),
                            new UserMessage("Hello!"))));

            assertThat(text(response)).contains("Ahoy");
        }

        @Test
        @DisplayName("multi-turn: the model remembers the name it was told")
        void multiTurn() {
            ChatResponse response = upstream.model(session)
                    .call(new Prompt(List.of(
                            new UserMessage("My name is Alice"),
                            new AssistantMessage("Nice to meet you, Alice!"),
                            new UserMessage("What is my name?"))));

            assertThat(text(response)).contains("Alice");
        }

        @Test
        @DisplayName("sampling parameters are sent and answered")
        void samplingParameters() {
            String answer = upstream.model(
                            session,
                            Upstream.options()
                                    .temperature(0.7)
                                    .topP(0.9)
                                    .maxTokens(200)
                                    .build())
                    .call("Write a haiku about coding");

            assertThat(answer).isNotBlank();
        }
    }

    @Test
    @DisplayName("streaming (WebClient): the answer arrives in several chunks")
    void streaming() {
        List<String> parts = upstream.model(session).stream(new Prompt("Write a haiku about coding"))
                .mapNotNull(response -> response.getResult() == null
                        ? null
                        : response.getResult().getOutput().getText())
                .filter(text -> !text.isEmpty())
                .collectList()
                .block();

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(String.join("", parts)).isNotBlank();
    }
}
