package dev.replayharness.openai.internal;

import java.util.ArrayList;
import java.util.List;

import dev.replayharness.openai.ContentPart;
import dev.replayharness.openai.MessageContent;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/** Reads {@code content}: a string, or a list of parts. */
public final class MessageContentDeserializer extends ValueDeserializer<MessageContent> {

    @Override
    public MessageContent deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        JsonNode node = context.readTree(parser);
        if (node.isString()) {
            return new MessageContent.Text(node.asString());
        }
        if (node.isArray()) {
            List<ContentPart> parts = new ArrayList<>();
            for (JsonNode part : node) {
                parts.add(ContentPartDeserializer.read(part));
            }
            return new MessageContent.Parts(parts);
        }
        return context.reportInputMismatch(
                MessageContent.class,
                "\"content\" must be a string or a list of content parts, not %s",
                node.getNodeType());
    }
}
