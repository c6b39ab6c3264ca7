package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

@DisplayName("Tools, tool turns and content parts on the wire")
class ToolsAndPartsWireTest {

    static final String TOOL_TURN = """
            {"model":"openai.gpt-oss-20b-1:0","messages":[
            {"role":"user","content":"What is the boiling point of myawesomeliquid?"},
            {"role":"assistant","content":"","tool_calls":[{"index":0,"id":"chatcmpl-tool-8bb9","type":"function",
              "function":{"name":"get_boiling_point","arguments":"{\\"liquid_name\\":\\"myawesomeliquid\\"}"}}]},
            {"role":"tool","tool_call_id":"chatcmpl-tool-8bb9","content":[{"type":"text","text":"-100"}]}],
            "parallel_tool_calls":true,"stream":true,"stream_options":{"include_usage":true},
            "tools":[{"type":"function","function":{"name":"get_boiling_point","description":"Boiling point",
              "parameters":{"properties":{"liquid_name":{"title":"Liquid Name","type":"string"},
              "celsius":{"default":true,"title":"Celsius","type":"boolean"}},"required":["liquid_name"],"type":"object"}}}],
            "service_tier":"default"}""";

    @Nested
    @DisplayName("a request")
    class Requests {

        @Test
        @DisplayName("writes the tool parameters in declaration order after the older ones, nulls left out")
        void toolParameters() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", Map.of("city", Map.of("type", "string")));
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .user("weather?")
                    .tools(Tool.function("get_weather", "Weather in a city", schema))
                    .toolChoice(ToolChoice.function("get_weather"))
                    .parallelToolCalls(false)
                    .responseFormat(ResponseFormat.jsonObject())
                    .logprobs(true)
                    .topLogprobs(2)
                    .serviceTier("default")
                    .extraField("n", 1)
                    .build();
            assertThat(OpenAiJson.write(request))
                    .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"weather?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                            + "\"description\":\"Weather in a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
                            + "{\"type\":\"string\"}}}}}],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":"
                            + "\"get_weather\"}},\"parallel_tool_calls\":false,\"response_format\":{\"type\":\"json_object\"},"
                            + "\"logprobs\":true,\"top_logprobs\":2,\"service_tier\":\"default\",\"n\":1}");
        }

        @Test
        @DisplayName(
                "declares a tool without parameters in two arguments (a bare null would not compile: two overloads take it)")
        void toolWithoutParameters() {
            assertThat(OpenAiJson.write(Tool.function("current_time", "The current time")))
                    .isEqualTo(
                            "{\"type\":\"function\",\"function\":{\"name\":\"current_time\",\"description\":\"The current time\"}}");
        }

        @Test
        @DisplayName("writes tool_choice modes as strings")
        void toolChoiceModes() {
            assertThat(OpenAiJson.write(ChatCompletionRequest.builder("m")
                            .user("x")
                            .toolChoice(ToolChoice.auto())
                            .build()))
                    .contains("\"tool_choice\":\"auto\"");
            assertThat(OpenAiJson.write(ToolChoice.required())).isEqualTo("\"required\"");
            assertThat(OpenAiJson.write(ToolChoice.none())).isEqualTo("\"none\"");
        }

        @Test
        @DisplayName("reads Llama Stack's tool-result turn and writes back the same JSON")
        void toolTurnRoundTrip() {
            ChatCompletionRequest request = OpenAiJson.readRequest(TOOL_TURN);
            ChatMessage assistant = request.messages().get(1);
            assertThat(assistant.toolCalls()).singleElement().satisfies(call -> {
                assertThat(call.id()).isEqualTo("chatcmpl-tool-8bb9");
                assertThat(call.name()).isEqualTo("get_boiling_point");
                assertThat(call.arguments()).isEqualTo("{\"liquid_name\":\"myawesomeliquid\"}");
                assertThat(call.extra()).containsOnlyKeys("index");
            });
            ChatMessage tool = request.messages().get(2);
            assertThat(tool.toolCallId()).isEqualTo("chatcmpl-tool-8bb9");
            assertThat(tool.messageContent()).isInstanceOf(MessageContent.Parts.class);
            assertThat(tool.rawContent()).isEqualTo("-100");
            assertThat(request.tools()).extracting(Tool::name).containsExactly("get_boiling_point");
            assertThat(request.parallelToolCalls()).isTrue();
            assertThat(request.serviceTier()).isEqualTo("default");
            assertThat(request.extraFields()).isEmpty();
            assertThat(tree(OpenAiJson.write(request))).isEqualTo(tree(TOOL_TURN));
        }

        @Test
        @DisplayName("builds the same tool-result turn with the short builders")
        void toolTurnBuilt() {
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .user("boiling point?")
                    .assistant(
                            null, List.of(ToolCall.function("call_1", "get_boiling_point", "{\"liquid_name\":\"x\"}")))
                    .toolResult("call_1", "-100")
                    .build();
            assertThat(OpenAiJson.write(request.messages()))
                    .isEqualTo("[{\"role\":\"user\",\"content\":\"boiling point?\"},"
                            + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                            + "{\"name\":\"get_boiling_point\",\"arguments\":\"{\\\"liquid_name\\\":\\\"x\\\"}\"}}]},"
                            + "{\"role\":\"tool\",\"content\":\"-100\",\"tool_call_id\":\"call_1\"}]");
        }

        @Test
        @DisplayName("writes text and image parts, and reads them back as the same message")
        void imageParts() {
            ChatMessage message = ChatMessage.user(
                    ContentPart.text("Describe this image"),
                    new ContentPart.ImagePart(new ImageUrl("https://example.com/test.jpg", "auto", null), null));
            String json = OpenAiJson.write(message);
            assertThat(json)
                    .isEqualTo(
                            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe this image\"},"
                                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/test.jpg\",\"detail\":\"auto\"}}]}");
            assertThat(OpenAiJson.read(json, ChatMessage.class)).isEqualTo(message);
        }

        @Test
        @DisplayName("keeps a part of another type, or of an unexpected shape, as its JSON")
        void otherParts() {
            String json = "{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAA\","
                    + "\"format\":\"wav\"}},{\"type\":\"text\",\"text\":7},{\"type\":\"text\",\"text\":\"hi\","
                    + "\"cache_control\":{\"type\":\"ephemeral\"}}]}";
            ChatMessage message = OpenAiJson.read(json, ChatMessage.class);
            assertThat(message.parts()).hasSize(3);
            assertThat(message.parts().get(0))
                    .isInstanceOf(ContentPart.OtherPart.class)
                    .extracting(ContentPart::type)
                    .isEqualTo("input_audio");
            assertThat(message.parts().get(1)).isInstanceOf(ContentPart.OtherPart.class);
            assertThat(message.parts().get(2))
                    .isInstanceOfSatisfying(
                            ContentPart.TextPart.class,
                            part -> assertThat(part.extra()).containsOnlyKeys("cache_control"));
            assertThat(OpenAiJson.write(message)).isEqualTo(json);
        }

        @Test
        @DisplayName("refuses content that is neither a string nor a list, naming the field")
        void badContent() {
            assertThatThrownBy(() -> OpenAiJson.read("{\"role\":\"user\",\"content\":5}", ChatMessage.class))
                    .isInstanceOf(OpenAiProtocolException.class)
                    .hasMessageContaining("\"content\" must be a string or a list of content parts");
        }

        @Test
        @DisplayName("refuses the new parameters as extra fields")
        void newFieldsAreModelled() {
            for (String name : List.of(
                    "tool_choice",
                    "parallel_tool_calls",
                    "response_format",
                    "logprobs",
                    "top_logprobs",
                    "service_tier")) {
                assertThatThrownBy(() -> ChatCompletionRequest.builder("m").extraField(name, 1))
                        .hasMessageContaining("\"" + name + "\" is a modelled request field");
            }
        }
    }

    @Nested
    @DisplayName("a message from a response")
    class ResponseMessages {

        @Test
        @DisplayName("keeps fields it does not model, nulls included, and sends them back in the history")
        void unknownFieldsRoundTrip() {
            String json = "{\"role\":\"assistant\",\"content\":\"<reasoning>r</reasoning>A\",\"refusal\":\"no\","
                    + "\"annotations\":[],\"audio\":null,\"function_call\":null}";
            ChatMessage message = OpenAiJson.read(json, ChatMessage.class);
            assertThat(message.refusal()).isEqualTo("no");
            assertThat(message.extra()).containsOnlyKeys("annotations", "audio", "function_call");
            assertThat(message.extra().get("audio")).isEqualTo(NullNode.getInstance());
            String history = OpenAiJson.write(ChatCompletionRequest.builder("m")
                    .message(message)
                    .user("again")
                    .build());
            assertThat(history).contains(json);
        }

        @Test
        @DisplayName("without reasoning keeps its tool calls and unmodelled fields")
        void withoutReasoningKeepsTheRest() {
            ChatMessage message = OpenAiJson.read(
                    "{\"role\":\"assistant\",\"content\":\"<reasoning>r</reasoning>A\","
                            + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}],"
                            + "\"x\":1}",
                    ChatMessage.class);
            ChatMessage stripped = message.withoutReasoning();
            assertThat(stripped.rawContent()).isEqualTo("A");
            assertThat(stripped.toolCalls()).isEqualTo(message.toolCalls());
            assertThat(stripped.extra()).isEqualTo(message.extra());
        }
    }

    static JsonNode tree(String json) {
        return dev.replayharness.openai.internal.WireJson.MAPPER.readTree(json);
    }
}
