package dev.replayharness.openai.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.replayharness.openai.ContentPart;
import dev.replayharness.openai.ImageUrl;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a content part by its {@code type}. A text or image part of an unexpected shape, and every
 * other type, becomes an {@link ContentPart.OtherPart} holding the JSON: nothing is lost.
 */
public final class ContentPartDeserializer extends ValueDeserializer<ContentPart> {

    @Override
    public ContentPart deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        return read(context.readTree(parser));
    }

    static ContentPart read(JsonNode part) {
        String type = part.isObject() ? part.path("type").asString(null) : null;
        if ("text".equals(type) && part.path("text").isString()) {
            return new ContentPart.TextPart(part.get("text").asString(), others(part, "type", "text"));
        }
        JsonNode image = part.path("image_url");
        if ("image_url".equals(type)
                && image.isObject()
                && image.path("url").isString()
                && (image.path("detail").isMissingNode() || image.path("detail").isString())) {
            ImageUrl url = new ImageUrl(
                    image.get("url").asString(), image.path("detail").asString(null), others(image, "url", "detail"));
            return new ContentPart.ImagePart(url, others(part, "type", "image_url"));
        }
        return new ContentPart.OtherPart(part);
    }

    private static Map<String, JsonNode> others(JsonNode object, String... modelled) {
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        object.properties().forEach(entry -> rest.put(entry.getKey(), entry.getValue()));
        for (String name : modelled) {
            rest.remove(name);
        }
        return rest;
    }
}
