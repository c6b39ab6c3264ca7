package dev.replayharness.server.internal;

import java.util.List;

import dev.replayharness.bedrock.RegisteredModel;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the registered models, Llama Stack's shape and OpenAI's. */
final class ModelRoutes {

    static final String MODELS = "/v1/models";
    static final String MODELS_PREFIX = MODELS + "/";

    private final List<RegisteredModel> models;

    ModelRoutes(List<RegisteredModel> models) {
        this.models = models;
    }

    void list(Exchange exchange) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        models.forEach(model -> data.add(json(model)));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object", "list");
        root.set("data", data);
        exchange.json(200, root);
    }

    /**
     * One model, by any of its names; the id may hold slashes ({@code bedrock/openai.gpt-oss-20b-1:0}),
     * as {@code llama-stack-client}'s {@code models.retrieve} sends it.
     */
    void get(Exchange exchange, String id) {
        RegisteredModel model = models.stream()
                .filter(m -> m.isNamed(id))
                .findFirst()
                .orElseThrow(() -> new ApiError(
                        404,
                        "invalid_request_error",
                        "model_not_found",
                        "model",
                        "The model '" + id + "' is not registered in this stack; registered: "
                                + models.stream().map(RegisteredModel::stackId).toList() + ". GET " + MODELS
                                + " lists them."));
        exchange.json(200, json(model));
    }

    private static ObjectNode json(RegisteredModel model) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("identifier", model.stackId());
        entry.put("provider_resource_id", model.providerResourceId());
        entry.put("provider_id", model.providerId());
        entry.put("type", "model");
        entry.put("model_type", model.modelType());
        entry.set("metadata", ServerJson.MAPPER.valueToTree(model.metadata()));
        // The OpenAI shape as well, so OpenAI clients' models.list() and models.retrieve() work too.
        entry.put("id", model.stackId());
        entry.put("object", "model");
        entry.put("created", 0);
        entry.put("owned_by", model.providerId());
        return entry;
    }
}
