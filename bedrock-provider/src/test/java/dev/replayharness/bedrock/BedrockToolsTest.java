package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.ChatMessage;
import dev.replayharness.openai.ContentPart;
import dev.replayharness.openai.ImageUrl;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.StreamedCompletion;
import dev.replayharness.openai.Tool;
import dev.replayharness.openai.ToolCall;
import dev.replayharness.openai.ToolChoice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Tool calls, tool results and content parts go to Bedrock as given")
class BedrockToolsTest {

    static final String MODEL = "bedrock/openai.gpt-oss-20b-1:0";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Tool BOILING_POINT = Tool.function(
            "get_boiling_point",
            "Returns the boiling point of a liquid",
            JSON.readTree("{\"type\":\"object\",\"properties\":{\"liquid_name\":{\"type\":\"string\"},"
                    + "\"celsius\":{\"type\":\"boolean\",\"default\":true}},\"required\":[\"liquid_name\"]}"));

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

    static ChatCompletionRequest.Builder ask(String prompt) {
        return ChatCompletionRequest.builder(MODEL).user(prompt).tools(BOILING_POINT);
    }

    @Nested
    @DisplayName("a request with tools")
    class WithTools {

        @Test
        @DisplayName("is sent with its tools, tool_choice and parallel_tool_calls and answered with a tool call")
        void nonStreaming() {
            ChatCompletion completion = bedrock.chat(ask("What is the boiling point of myawesomeliquid?")
                    .toolChoice(ToolChoice.auto())
                    .parallelToolCalls(true)
                    .build());
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.toolCalls()).singleElement().satisfies(call -> {
                assertThat(call.id()).startsWith("chatcmpl-tool-");
                assertThat(call.name()).isEqualTo("get_boiling_point");
                assertThat(call.arguments()).isEqualTo("{\"liquid_name\":\"myawesomeliquid\",\"celsius\":true}");
            });
            JsonNode sent = JSON.readTree(emulator.requests().get(0).body());
            assertThat(sent.at("/tools/0/function/name").asString()).isEqualTo("get_boiling_point");
            assertThat(sent.path("tool_choice").asString()).isEqualTo("auto");
            assertThat(sent.path("parallel_tool_calls").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("streamed, its fragments merge into the same call; reasoning comes first and stays apart")
        void streaming() {
            ChatCompletionRequest request =
                    ask("What is the boiling point of myawesomeliquid?").build();
            ToolCall whole = bedrock.chat(request).toolCalls().get(0);
            StreamedCompletion streamed;
            try (ChatCompletionStream stream = bedrock.chatStream(request)) {
                streamed = stream.accumulate();
            }
            assertThat(streamed.finishReason()).isEqualTo("tool_calls");
            assertThat(streamed.toolCalls())
                    .extracting(ToolCall::name, ToolCall::arguments)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(whole.name(), whole.arguments()));
            assertThat(streamed.reasoning()).isNotBlank();
            assertThat(streamed.content()).isEmpty();
        }

        @Test
        @DisplayName("parallel calls come back as several calls, in index order")
        void parallel() {
            StreamedCompletion streamed;
            try (ChatCompletionStream stream =
                    bedrock.chatStream(ask("What is the boiling point of water, ethanol and mercury?")
                            .build())) {
                streamed = stream.accumulate();
            }
            assertThat(streamed.toolCalls())
                    .extracting(ToolCall::arguments)
                    .containsExactly(
                            "{\"liquid_name\":\"water\",\"celsius\":true}",
                            "{\"liquid_name\":\"ethanol\",\"celsius\":true}",
                            "{\"liquid_name\":\"mercury\",\"celsius\":true}");
            assertThat(streamed.toolCalls()).extracting(ToolCall::id).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("the turn after a tool result")
    class AfterToolResult {

        @Test
        @DisplayName("sends the assistant's tool calls and the tool message (content as parts) and gets the answer")
        void toolResultTurn() {
            ChatCompletionRequest first =
                    ask("What is the boiling point of myawesomeliquid?").build();
            ChatMessage assistant = bedrock.chat(first).message();
            ToolCall call = assistant.toolCalls().get(0);
            ChatCompletionRequest next = first.toBuilder()
                    .message(assistant)
                    .message(ChatMessage.tool(call.id(), List.of(ContentPart.text("-100"))))
                    .build();

            ChatCompletion answer = bedrock.chat(next);

            assertThat(answer.finishReason()).isEqualTo("stop");
            assertThat(answer.content()).isEqualTo("get_boiling_point returned -100 for myawesomeliquid.");
            JsonNode sent = JSON.readTree(emulator.requests().get(1).body());
            assertThat(sent.at("/messages/1/tool_calls/0/id").asString()).isEqualTo(call.id());
            assertThat(sent.at("/messages/2/tool_call_id").asString()).isEqualTo(call.id());
            assertThat(sent.at("/messages/2/content/0/text").asString()).isEqualTo("-100");
        }

        @Test
        @DisplayName("a history copied from Llama Stack is sent byte for byte as read")
        void verbatimHistory() {
            String body = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"What is the boiling point of myawesomeliquid?\"},{\"role\":\"assistant\",\"content\":\"\","
                    + "\"tool_calls\":[{\"id\":\"chatcmpl-tool-8bb9\",\"type\":\"function\",\"function\":{\"name\":"
                    + "\"get_boiling_point\",\"arguments\":\"{\\\"liquid_name\\\":\\\"myawesomeliquid\\\"}\"},\"index\":0}]},"
                    + "{\"role\":\"tool\",\"content\":[{\"type\":\"text\",\"text\":\"-100\"}],\"tool_call_id\":"
                    + "\"chatcmpl-tool-8bb9\"}],\"tools\":" + OpenAiJson.write(List.of(BOILING_POINT))
                    + ",\"parallel_tool_calls\":true,\"service_tier\":\"default\"}";
            bedrock.chat(OpenAiJson.readRequest(body));
            assertThat(emulator.requests().get(0).body()).isEqualTo(body);
        }
    }

    @Nested
    @DisplayName("an image part sent to the text-only model")
    class ImageToTextModel {

        @Test
        @DisplayName("is Bedrock's 400, unwrapped from its JSON-in-JSON message, with status and request id")
        void image400() {
            ChatCompletionRequest request = ChatCompletionRequest.builder(MODEL)
                    .user(
                            ContentPart.text("Describe this image"),
                            new ContentPart.ImagePart(new ImageUrl("https://example.com/test.jpg", "auto", null), null))
                    .build();
            List<BedrockValidationException> failures = new ArrayList<>();
            failures.add(catchThrowableOfType(BedrockValidationException.class, () -> bedrock.chat(request)));
            failures.add(catchThrowableOfType(BedrockValidationException.class, () -> bedrock.chatStream(request)));
            for (int i = 0; i < failures.size(); i++) {
                BedrockValidationException e = failures.get(i);
                String requestId = emulator.requests().get(i).requestId();
                assertThat(e.getMessage())
                        .isEqualTo("Bedrock refused the request for openai.gpt-oss-20b-1:0 as"
                                + " invalid (Bedrock said: \"Model does not support image modality\", code validation_error)."
                                + " The model takes text only (gpt-oss does): send the content as text parts or a string,"
                                + " without image_url parts, or name a model that accepts images. [HTTP 400, request id "
                                + requestId + "]");
                assertThat(e.httpStatus()).hasValue(400);
                assertThat(e.requestId()).contains(requestId);
                assertThat(e.getMessage()).doesNotContain(TestClients.KEY);
            }
            assertThat(emulator.requestCount()).as("a 400 is not retried").isEqualTo(2);
        }
    }
}
