package dev.replayharness.bedrock.emulator;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies in Bedrock's shapes, written independently of the client's model types so the tests do
 * not check the client against itself. Fixed {@code created}, ids derived from the request:
 * the same request gives byte-identical bodies.
 */
final class EmulatorJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** 2025-01-01T00:00:00Z; a fixed time keeps answers byte-identical. */
    static final long CREATED = 1_735_689_600L;

    private EmulatorJson() {}

    static String completion(String id, String model, Answer answer, int promptTokens) {
        ObjectNode root = header(id, "chat.completion", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.rawContent());
        choice.put("finish_reason", "stop");
        usage(root, promptTokens, answer);
        return MAPPER.writeValueAsString(root);
    }

    /** The {@code data:} payloads of a stream, {@code [DONE]} excluded. */
    static List<String> chunks(String id, String model, Answer answer, int promptTokens, boolean includeUsage,
            int fillerChunks) {
        java.util.ArrayList<String> chunks = new java.util.ArrayList<>();
        chunks.add(chunk(id, model, delta -> delta.put("role", "assistant").put("content", ""), null));
        for (String piece : answer.reasoning()) {
            chunks.add(chunk(id, model, delta -> delta.put("content", "<reasoning>" + piece + "</reasoning>"), null));
        }
        for (String piece : answer.textDeltas()) {
            chunks.add(chunk(id, model, delta -> delta.put("content", piece), null));
        }
        for (int i = 0; i < fillerChunks; i++) {
            chunks.add(chunk(id, model, delta -> delta.put("content", " …"), null));
        }
        chunks.add(chunk(id, model, delta -> { }, "stop"));
        if (includeUsage) {
            ObjectNode root = header(id, "chat.completion.chunk", model);
            root.putArray("choices");
            usage(root, promptTokens, answer);
            chunks.add(MAPPER.writeValueAsString(root));
        }
        return chunks;
    }

    /** {@code {"error":{"message":…,"type":…}}}, the OpenAI-style envelope Bedrock uses for request errors. */
    static String error(String message, String type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error").put("message", message).put("type", type);
        return MAPPER.writeValueAsString(root);
    }

    /** {@code {"message":…}} or {@code {"Message":…}}, the AWS-style envelopes of auth failures. */
    static String awsError(String key, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(key, message);
        return MAPPER.writeValueAsString(root);
    }

    private static String chunk(String id, String model, java.util.function.Consumer<ObjectNode> delta, String finish) {
        ObjectNode root = header(id, "chat.completion.chunk", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.put("finish_reason", finish);
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode header(String id, String object, String model) {
        return MAPPER.createObjectNode().put("id", id).put("object", object).put("created", CREATED).put("model", model);
    }

    private static void usage(ObjectNode root, int promptTokens, Answer answer) {
        int completion = Answer.tokens(String.join("", answer.reasoning())) + Answer.tokens(answer.text());
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completion)
                .put("total_tokens", promptTokens + completion);
    }
}
