package dev.replayharness.bedrock.emulator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies in Bedrock's shapes, written independently of the client's model types so the tests do
 * not check the client against itself. Fixed {@code created}, ids derived from the request:
 * the same request gives byte-identical bodies (streams too, but for their random
 * {@code obfuscation}). Members a request did not ask for ({@code logprobs}, {@code service_tier},
 * {@code tool_calls}) are absent, so answers to plain requests keep the shape they always had.
 */
final class EmulatorJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** 2025-01-01T00:00:00Z; a fixed time keeps answers byte-identical. */
    static final long CREATED = 1_735_689_600L;

    private EmulatorJson() {}

    static String completion(String id, String model, Answer answer, int promptTokens, ResponseOptions options) {
        ObjectNode root = header(id, "chat.completion", model, options);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message =
                choice.putObject("message").put("role", "assistant").put("content", answer.rawContent());
        if (!answer.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : answer.toolCalls()) {
                calls.addObject()
                        .put("id", call.id())
                        .put("type", "function")
                        .putObject("function")
                        .put("name", call.name())
                        .put("arguments", call.arguments());
            }
        }
        choice.put("finish_reason", answer.finishReason());
        if (options.logprobs()) {
            choice.set(
                    "logprobs",
                    Logprobs.of(String.join("", answer.reasoning()) + answer.text(), options.topLogprobs()));
        }
        usage(root, promptTokens, answer, false);
        return MAPPER.writeValueAsString(root);
    }

    /** {@code {"error":{"message":…,"type":…}}}, the OpenAI-style envelope Bedrock uses for request errors. */
    static String error(String message, String type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error").put("message", message).put("type", type);
        return MAPPER.writeValueAsString(root);
    }

    /**
     * Bedrock's validation 400 as recorded for an image sent to a text-only model: the envelope's
     * {@code message} is itself the JSON text of the model server's error, which has the same code.
     */
    static String nestedValidationError(String message) {
        ObjectNode inner = MAPPER.createObjectNode();
        inner.putObject("error")
                .put("code", "validation_error")
                .put("message", message)
                .putNull("param")
                .put("type", "invalid_request_error");
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error")
                .put("message", MAPPER.writeValueAsString(inner))
                .put("type", "invalid_request_error")
                .putNull("param")
                .put("code", "validation_error");
        return MAPPER.writeValueAsString(root);
    }

    /** {@code {"message":…}} or {@code {"Message":…}}, the AWS-style envelopes of auth failures. */
    static String awsError(String key, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(key, message);
        return MAPPER.writeValueAsString(root);
    }

    static ObjectNode header(String id, String object, String model, ResponseOptions options) {
        ObjectNode header = MAPPER.createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", CREATED)
                .put("model", model);
        if (options.serviceTier() != null) {
            header.put("service_tier", options.serviceTier());
        }
        return header;
    }

    /**
     * {@code usage}; with {@code details}, also {@code prompt_tokens_details} whose
     * {@code cached_tokens} count the prompt's whole 64-token blocks (as if an earlier call had
     * sent the same prefix: Bedrock caches in blocks).
     */
    static void usage(ObjectNode root, int promptTokens, Answer answer, boolean details) {
        int completion = Answer.tokens(String.join("", answer.reasoning())) + Answer.tokens(answer.text());
        for (ToolCall call : answer.toolCalls()) {
            completion += Answer.tokens(call.name() + call.arguments());
        }
        ObjectNode usage = root.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completion)
                .put("total_tokens", promptTokens + completion);
        if (details) {
            usage.putObject("prompt_tokens_details")
                    .put("audio_tokens", 0)
                    .put("cached_tokens", promptTokens / 64 * 64);
        }
    }
}
