package dev.replayharness.openai.internal;

import java.util.ArrayList;
import java.util.List;

import dev.replayharness.openai.Model;
import dev.replayharness.openai.OpenAiProtocolException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a {@code GET /models} body: {@code {"object":"list","data":[…]}}, or a bare list. */
public final class ModelListJson {

    private ModelListJson() {}

    public static List<Model> read(String body, String source) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new OpenAiProtocolException(
                    source + " answered with something that is not JSON (" + e.getOriginalMessage() + "): "
                            + WireJson.snippet(body),
                    e);
        }
        JsonNode data = root != null && root.isObject() ? root.path("data") : root;
        if (data == null || !data.isArray()) {
            throw new OpenAiProtocolException(source + " answered without a model list: expected {\"data\": [...]}"
                    + " or a list, got: " + WireJson.snippet(body));
        }
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode entry = data.get(i);
            if (!entry.isObject() || !entry.path("id").isString()) {
                throw new OpenAiProtocolException(source + " sent model entry " + i + " without a string \"id\": "
                        + WireJson.snippet(entry.toString()));
            }
            try {
                models.add(WireJson.MAPPER.treeToValue(entry, Model.class));
            } catch (JacksonException e) {
                throw new OpenAiProtocolException(
                        source + " sent model entry " + i + " of the wrong shape (" + e.getOriginalMessage() + "): "
                                + WireJson.snippet(entry.toString()),
                        e);
            }
        }
        return models;
    }
}
