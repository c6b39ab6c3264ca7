package dev.replayharness.server.internal;

import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.OpenAiProtocolException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code POST /v1/chat/completions} body field by field, so a client learns which field is
 * wrong and what it should be, before anything is sent upstream.
 */
public final class ChatRequestParser {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatRequestParser() {}

    /** A checked request: the typed form and whether the client asked for a stream. */
    public record Parsed(ChatCompletionRequest request, boolean stream, JsonNode messages) {}

    public static Parsed parse(JsonNode body) {
        if (!body.isObject()) {
            throw ApiError.invalidRequest(null, "The request body must be a JSON object, not " + kind(body)
                    + "; send {\"model\": …, \"messages\": […]}.");
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw ApiError.invalidRequest("model", "The request has no \"model\"; name a model from GET /v1/models,"
                    + " e.g. \"bedrock/openai.gpt-oss-20b-1:0\".");
        }
        if (!model.isString() || model.asString().isBlank()) {
            throw ApiError.invalidRequest("model", "\"model\" must be a non-empty string (a model id from GET /v1/models),"
                    + " not " + kind(model) + ".");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiError.invalidRequest("messages", "The request has no \"messages\"; send a list such as"
                    + " [{\"role\": \"user\", \"content\": \"Hello\"}].");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalidRequest("messages", "\"messages\" must be a non-empty list of {\"role\", \"content\"}"
                    + " objects, not " + kind(messages) + ".");
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessage(messages.get(i), "messages[" + i + "]");
        }
        boolean stream = false;
        JsonNode streamNode = body.get("stream");
        if (streamNode != null && !streamNode.isNull()) {
            if (!streamNode.isBoolean()) {
                throw ApiError.invalidRequest("stream", "\"stream\" must be true or false, not " + kind(streamNode) + ".");
            }
            stream = streamNode.booleanValue();
        }
        number(body, "temperature", 0, 2);
        number(body, "top_p", 0, 1);
        integer(body, "max_tokens");
        integer(body, "max_completion_tokens");
        integer(body, "seed");
        JsonNode stop = body.get("stop");
        if (stop != null && !stop.isNull() && !stop.isString() && !(stop.isArray() && allStrings(stop))) {
            throw ApiError.invalidRequest("stop", "\"stop\" must be a string or a list of strings, not " + kind(stop) + ".");
        }
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw ApiError.invalidRequest("stream_options", "\"stream_options\" must be an object such as"
                    + " {\"include_usage\": true}, not " + kind(options) + ".");
        }
        ChatCompletionRequest request;
        try {
            request = OpenAiJson.readRequest(ServerJson.write(body));
        } catch (OpenAiProtocolException e) {
            throw ApiError.invalidRequest(null, "The request does not have the shape of a chat completion request: "
                    + e.getMessage());
        }
        return new Parsed(request, stream, messages);
    }

    private static void checkMessage(JsonNode message, String where) {
        if (!message.isObject()) {
            throw ApiError.invalidRequest(where, where + " must be an object with \"role\" and \"content\", not "
                    + kind(message) + ".");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isString() || !ROLES.contains(role.asString())) {
            throw ApiError.invalidRequest(where + ".role", where + ".role must be one of " + ROLES.stream().sorted().toList()
                    + ", not " + (role == null ? "missing" : kind(role)) + ".");
        }
        JsonNode content = message.get("content");
        boolean assistant = role.asString().equals("assistant");
        if (content == null || content.isNull()) {
            if (!assistant) {
                throw ApiError.invalidRequest(where + ".content", where + ".content is missing; a "
                        + role.asString() + " message needs text content.");
            }
        } else if (!content.isString()) {
            throw ApiError.invalidRequest(where + ".content", where + ".content must be a string, not " + kind(content)
                    + (content.isArray() ? " (content parts are not supported by this server; send the text as one"
                            + " string)" : "") + ".");
        }
    }

    private static void number(JsonNode body, String field, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw ApiError.invalidRequest(field, "\"" + field + "\" must be a number between " + format(min) + " and "
                    + format(max) + ", not " + kind(value) + ".");
        }
        double d = value.asDouble();
        if (d < min || d > max) {
            throw ApiError.invalidRequest(field, "\"" + field + "\" is " + value + "; it must be between " + format(min)
                    + " and " + format(max) + ".");
        }
    }

    private static void integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiError.invalidRequest(field, "\"" + field + "\" must be an integer, not " + kind(value) + ".");
        }
        if (!field.equals("seed") && (value.asLong() < 1 || !value.canConvertToInt())) {
            throw ApiError.invalidRequest(field, "\"" + field + "\" is " + value + "; it must be a positive integer.");
        }
    }

    private static boolean allStrings(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** What a JSON value is, for messages: {@code the string "x"}, {@code the number 3}, {@code a list}. */
    static String kind(JsonNode node) {
        if (node.isString()) {
            String s = node.asString();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

}
