package dev.replayharness.openai.internal;

import dev.replayharness.openai.ToolChoice;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/** Reads {@code tool_choice}: a string is a mode, the exact named-function shape a function, anything else kept raw. */
public final class ToolChoiceDeserializer extends ValueDeserializer<ToolChoice> {

    @Override
    public ToolChoice deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        JsonNode node = context.readTree(parser);
        if (node.isString()) {
            return new ToolChoice.Mode(node.asString());
        }
        JsonNode function = node.path("function");
        if (node.isObject()
                && node.size() == 2
                && "function".equals(node.path("type").asString(null))
                && function.isObject()
                && function.size() == 1
                && function.path("name").isString()) {
            return new ToolChoice.Function(function.path("name").asString());
        }
        return new ToolChoice.Other(node);
    }
}
