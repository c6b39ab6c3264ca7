package dev.replayharness.server.internal;

import dev.replayharness.server.StoredCompletion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A completion as served, turned into the row the inference store keeps. */
final class Stored {

    private Stored() {}

    /**
     * @param completion the completion as the client gets it (its served id included)
     * @param messages the request's messages, as sent
     * @throws ApiError 502 when the provider's completion has no id
     */
    static StoredCompletion completion(ObjectNode completion, JsonNode messages) {
        JsonNode usage = completion.get("usage");
        JsonNode id = completion.get("id");
        if (id == null || !id.isString()) {
            throw new ApiError(
                    502,
                    "api_error",
                    "upstream_invalid",
                    null,
                    "The provider's completion has no id, so it"
                            + " cannot be stored; the provider answered outside the OpenAI format.");
        }
        return new StoredCompletion(
                id.asString(),
                completion.path("created").asLong(0),
                completion.path("model").asString(""),
                ServerJson.write(completion.path("choices")),
                usage == null || usage.isNull() ? null : ServerJson.write(usage),
                ServerJson.write(messages));
    }
}
