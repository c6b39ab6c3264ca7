package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockValidationException;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.Recorded;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.ChatMessage;
import dev.replayharness.openai.ContentPart;
import dev.replayharness.openai.Model;
import dev.replayharness.openai.StreamedCompletion;
import dev.replayharness.openai.TokenLogprob;
import dev.replayharness.openai.Tool;
import dev.replayharness.openai.ToolCall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bedrock provider's recorded tests of what Llama Stack's responses suite showed Bedrock does
 * (tool calls, the turn after a tool result, parallel calls, the image 400, logprobs, the model
 * list), replayed from {@code recordings/bedrock/}. Recorded against the emulator with
 * {@code mvn test -Dsuite=bedrock -Dsetup=bedrock-emulator -Dharness.mode=record-if-missing}, or live
 * with a token; the assertions hold for either.
 */
@Recorded(namespace = "bedrock", normalization = BedrockNormalization.class)
@ExtendWith(BedrockSetupExtension.class)
@DisplayName("Bedrock tool calls, errors, logprobs and models (recorded)")
public class BedrockRecordedToolsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUESTION = "What is the boiling point of myawesomeliquid?";
    /**
     * The tool of Llama Stack's responses suite (38500ff5), with its description shortened. Its schema
     * is JSON text, not a {@code Map.of}, whose order changes from run to run (and so would the request).
     */
    static final Tool BOILING_POINT = Tool.function(
            "get_boiling_point", "Returns the boiling point of a liquid in Celsius or Fahrenheit.", JSON.readTree("""
                    {"type": "object", "required": ["liquid_name"], "properties": {
                      "liquid_name": {"type": "string", "title": "Liquid Name"},
                      "celsius": {"type": "boolean", "default": true, "title": "Celsius"}}}"""));

    BedrockClient bedrock;
    String model;

    @BeforeEach
    void client(BedrockSetup setup, HttpClientWiring wiring) {
        this.bedrock = setup.client(wiring);
        this.model = setup.textModel();
    }

    ChatCompletionRequest.Builder askWithTools(String question) {
        return ChatCompletionRequest.builder(model).user(question).tools(BOILING_POINT);
    }

    StreamedCompletion streamed(ChatCompletionRequest request) {
        try (ChatCompletionStream stream = bedrock.chatStream(request)) {
            StreamedCompletion completion = stream.accumulate();
            assertThat(stream.sawDone()).as("the stream ended with [DONE]").isTrue();
            return completion;
        }
    }

    static JsonNode arguments(ToolCall call) {
        return JSON.readTree(call.arguments());
    }

    @Nested
    @DisplayName("tool calls")
    class ToolCalls {

        @Test
        @DisplayName(
                "non-streaming: the model calls get_boiling_point for the liquid asked about (finish_reason tool_calls)")
        void nonStreaming() {
            ChatCompletion completion = bedrock.chat(askWithTools(QUESTION).build());
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.toolCalls()).hasSize(1);
            ToolCall call = completion.toolCalls().get(0);
            assertThat(call.id()).isNotBlank();
            assertThat(call.type()).isEqualTo("function");
            assertThat(call.name()).isEqualTo("get_boiling_point");
            assertThat(arguments(call).path("liquid_name").asString()).isEqualTo("myawesomeliquid");
        }

        @Test
        @DisplayName(
                "streaming: the fragments merge into one whole call after the inline reasoning; usage with cached_tokens")
        void streaming() {
            StreamedCompletion completion =
                    streamed(askWithTools(QUESTION).includeUsage(true).build());
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.reasoning())
                    .as("the reasoning arrives before the call")
                    .isNotBlank();
            assertThat(completion.toolCalls()).singleElement().satisfies(call -> {
                assertThat(call.id()).isNotBlank();
                assertThat(call.name()).isEqualTo("get_boiling_point");
                assertThat(arguments(call).path("liquid_name").asString()).isEqualTo("myawesomeliquid");
            });
            assertThat(completion.usage().promptTokens()).isPositive();
            assertThat(completion.usage().cachedTokens())
                    .as("usage.prompt_tokens_details.cached_tokens")
                    .isNotNull();
        }

        @Test
        @DisplayName("the turn after the tool result (content as parts) is answered in text, from the result")
        void afterToolResult() {
            StreamedCompletion first = streamed(askWithTools(QUESTION).build());
            ToolCall call = first.toolCalls().get(0);
            ChatCompletionRequest followUp = askWithTools(QUESTION)
                    .assistant("", List.of(call))
                    .message(ChatMessage.tool(call.id(), List.of(ContentPart.text("-100"))))
                    .build();
            StreamedCompletion answer = streamed(followUp);
            assertThat(answer.finishReason()).isEqualTo("stop");
            assertThat(answer.toolCalls()).isEmpty();
            assertThat(answer.content()).contains("-100");
        }

        @Test
        @DisplayName("parallel: one call per liquid, each with its own id, merged from interleaved fragments")
        void parallel() {
            StreamedCompletion completion =
                    streamed(askWithTools("What is the boiling point of water, ethanol and mercury?")
                            .parallelToolCalls(true)
                            .build());
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.toolCalls())
                    .hasSizeGreaterThan(1)
                    .extracting(ToolCall::id)
                    .doesNotHaveDuplicates();
            assertThat(completion.toolCalls()).allSatisfy(call -> {
                assertThat(call.name()).isEqualTo("get_boiling_point");
                assertThat(arguments(call).path("liquid_name").asString()).isIn("water", "ethanol", "mercury");
            });
        }
    }

    @Test
    @DisplayName("an image part to the text-only model is Bedrock's 400, unwrapped into a BedrockValidationException")
    void image() {
        ChatCompletionRequest request = ChatCompletionRequest.builder(model)
                .user(ContentPart.text("Describe this image"), ContentPart.imageUrl("https://example.com/test.jpg"))
                .includeUsage(true)
                .build();
        BedrockValidationException e = catchThrowableOfType(BedrockValidationException.class, () -> streamed(request));
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage())
                .as("the inner error, not its JSON text")
                .contains("Model does not support image modality")
                .doesNotContain("{\"error\"")
                .doesNotContain("\\\"");
    }

    @Test
    @DisplayName("logprobs: each token with its log probability, bytes and top_logprobs alternatives")
    void logprobs() {
        ChatCompletion completion = bedrock.chat(ChatCompletionRequest.builder(model)
                .user("Which planet do humans live on?")
                .logprobs(true)
                .topLogprobs(2)
                .build());
        List<TokenLogprob> tokens = completion.choices().get(0).logprobs().content();
        assertThat(tokens).isNotEmpty().allSatisfy(token -> {
            assertThat(token.logprob()).isLessThanOrEqualTo(0.0);
            assertThat(token.bytes()).isNotEmpty();
            assertThat(token.topLogprobs()).hasSize(2);
        });
        assertThat(completion.content()).containsIgnoringCase("earth");
    }

    @Test
    @DisplayName("listModels() asks Bedrock (GET /openai/v1/models); models() stays the static registry")
    void modelList() {
        List<Model> listed = bedrock.listModels();
        assertThat(listed).extracting(Model::id).contains("openai.gpt-oss-20b", "openai.gpt-oss-120b");
        assertThat(listed).allSatisfy(entry -> assertThat(entry.object()).isEqualTo("model"));
        assertThat(bedrock.models())
                .extracting(registered -> registered.providerResourceId())
                .containsExactlyInAnyOrderElementsOf(Set.of("openai.gpt-oss-20b-1:0"));
    }
}
