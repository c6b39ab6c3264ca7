package dev.replayharness.server.internal;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import dev.replayharness.server.InferenceStore;
import dev.replayharness.server.StoredCompletion;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/chat/completions} (a page of the inference store) and {@code GET /v1/chat/completions/{id}}. */
final class StoreRoutes {

    private static final String CHAT = "/v1/chat/completions";

    private final InferenceStore store;
    private final Function<String, List<String>> modelNames;

    /** @param modelNames the names a completion's {@code model} may have for the model a client names */
    StoreRoutes(InferenceStore store, Function<String, List<String>> modelNames) {
        this.store = store;
        this.modelNames = modelNames;
    }

    void list(Exchange exchange) {
        Fields query = Request.extractQueryParameters(exchange.request());
        String after = query.getValue("after");
        String model = query.getValue("model");
        String order = query.getValue("order") == null ? "desc" : query.getValue("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.invalidRequest("order", "order must be asc or desc, not '" + order + "'.");
        }
        int limit = 20;
        String limitText = query.getValue("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw ApiError.invalidRequest(
                        "limit", "limit must be an integer from 1 to 1000, not '" + limitText + "'.");
            }
        }
        InferenceStore.Page page;
        try {
            page = store.listByModels(
                    after, limit, model == null ? null : modelNames.apply(model), order.equals("desc"));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidRequest(
                    "after", "after: " + e.getMessage() + "; pass the last_id of the previous page.");
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        page.data().forEach(completion -> data.add(json(completion)));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object", "list");
        root.set("data", data);
        List<StoredCompletion> rows = page.data();
        root.put("first_id", rows.isEmpty() ? null : rows.get(0).id());
        root.put("last_id", rows.isEmpty() ? null : rows.get(rows.size() - 1).id());
        root.put("has_more", page.hasMore());
        exchange.json(200, root);
    }

    void get(Exchange exchange, String id) {
        StoredCompletion completion = store.get(id)
                .orElseThrow(() -> new ApiError(
                        404,
                        "invalid_request_error",
                        "not_found",
                        "id",
                        "No stored chat completion has id '" + id + "'. GET " + CHAT + " lists the stored ones."));
        exchange.json(200, json(completion));
    }

    private static ObjectNode json(StoredCompletion completion) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", completion.id());
        node.put("object", "chat.completion");
        node.put("created", completion.created());
        node.put("model", completion.model());
        node.set("choices", ServerJson.MAPPER.readTree(completion.choicesJson()));
        if (completion.usageJson() != null) {
            node.set("usage", ServerJson.MAPPER.readTree(completion.usageJson()));
        }
        node.set("input_messages", ServerJson.MAPPER.readTree(completion.inputMessagesJson()));
        return node;
    }
}
