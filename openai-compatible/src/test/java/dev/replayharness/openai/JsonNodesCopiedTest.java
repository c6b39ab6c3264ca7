package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A wire object is a value: changing a JSON tree after handing it to one (a schema reused for the
 * next tool, say) must not change the object, nor therefore the request the harness keys by its JSON.
 */
@DisplayName("Wire objects copy the JSON trees they are given")
class JsonNodesCopiedTest {

    static ObjectNode object(String name, String value) {
        return JsonNodeFactory.instance.objectNode().put(name, value);
    }

    @Test
    @DisplayName("a tool's parameter schema, changed afterwards, leaves the request as it was built")
    void toolSchema() {
        ObjectNode schema = object("type", "object");
        ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                .user("hi")
                .tools(Tool.function("f", null, schema))
                .build();
        String before = OpenAiJson.write(request);
        schema.put("type", "string");
        assertThat(OpenAiJson.write(request)).isEqualTo(before);
    }

    @Test
    @DisplayName(
            "extra fields (of a message, and of a request), a response format, an unmodelled part and tool choice too")
    void extrasAndRawJson() {
        ObjectNode meta = object("run", "1");
        ObjectNode schema = object("name", "s");
        ObjectNode part = object("type", "input_audio");
        ObjectNode choice = object("type", "allowed_tools");
        ObjectNode top = object("k", "v");
        ChatMessage message = new ChatMessage(
                "user",
                MessageContent.of(java.util.List.of(new ContentPart.OtherPart(part))),
                null,
                null,
                null,
                null,
                null,
                Map.<String, JsonNode>of("metadata", meta));
        ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                .message(message)
                .responseFormat(new ResponseFormat("json_schema", schema, null))
                .toolChoice(new ToolChoice.Other(choice))
                .extraField("metadata", top)
                .build();
        String before = OpenAiJson.write(request);
        meta.put("run", "2");
        schema.put("name", "t");
        part.put("type", "file");
        choice.put("type", "other");
        top.put("k", "w");
        assertThat(OpenAiJson.write(request)).isEqualTo(before);
    }
}
