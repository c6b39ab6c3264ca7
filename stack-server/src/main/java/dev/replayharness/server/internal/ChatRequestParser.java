package dev.replayharness.server.internal;

import java.util.HashSet;
import java.util.Set;

import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.OpenAiProtocolException;

import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code POST /v1/chat/completions} body field by field, so a client learns which field is
 * wrong and what it should be, before anything is sent upstream. Messages are checked by
 * {@link MessageCheck}; tools, tool choice and logprobs here.
 */
public final class ChatRequestParser {

    private static final Set<String> TOOL_CHOICES = Set.of("none", "auto", "required");

    private ChatRequestParser() {}

    /** A checked request: the typed form and whether the client asked for a stream. */
    public record Parsed(ChatCompletionRequest request, boolean stream, JsonNode messages) {}

    public static Parsed parse(JsonNode body) {
        if (!body.isObject()) {
            throw ApiError.invalidRequest(
                    null,
                    "The request body must be a JSON object, not " + kind(body)
                            + "; send {\"model\": …, \"messages\": […]}.");
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw ApiError.invalidRequest(
                    "model",
                    "The request has no \"model\"; name a model from GET /v1/models,"
                            + " e.g. \"bedrock/openai.gpt-oss-20b-1:0\".");
        }
        if (!model.isString() || model.asString().isBlank()) {
            throw ApiError.invalidRequest(
                    "model",
                    "\"model\" must be a non-empty string (a model id from GET /v1/models)," + " not " + kind(model)
                            + ".");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiError.invalidRequest(
                    "messages",
                    "The request has no \"messages\"; send a list such as"
                            + " [{\"role\": \"user\", \"content\": \"Hello\"}].");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalidRequest(
                    "messages",
                    "\"messages\" must be a non-empty list of {\"role\", \"content\"}" + " objects, not "
                            + kind(messages) + ".");
        }
        MessageCheck.check(messages);
        boolean stream = false;
        JsonNode streamNode = body.get("stream");
        if (streamNode != null && !streamNode.isNull()) {
            if (!streamNode.isBoolean()) {
                throw ApiError.invalidRequest(
                        "stream", "\"stream\" must be true or false, not " + kind(streamNode) + ".");
            }
            stream = streamNode.booleanValue();
        }
        number(body, "temperature", 0, 2);
        number(body, "top_p", 0, 1);
        integer(body, "max_tokens");
        integer(body, "max_completion_tokens");
        integer(body, "seed");
        tools(body);
        bool(body, "logprobs");
        JsonNode top = body.get("top_logprobs");
        if (top != null && !top.isNull() && (!top.isIntegralNumber() || top.asInt() < 0 || top.asInt() > 20)) {
            throw ApiError.invalidRequest(
                    "top_logprobs", "\"top_logprobs\" must be an integer from 0 to 20, not " + kind(top) + ".");
        }
        JsonNode stop = body.get("stop");
        if (stop != null && !stop.isNull() && !stop.isString() && !(stop.isArray() && allStrings(stop))) {
            throw ApiError.invalidRequest(
                    "stop", "\"stop\" must be a string or a list of strings, not " + kind(stop) + ".");
        }
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw ApiError.invalidRequest(
                    "stream_options",
                    "\"stream_options\" must be an object such as" + " {\"include_usage\": true}, not " + kind(options)
                            + ".");
        }
        ChatCompletionRequest request;
        try {
            request = OpenAiJson.readRequest(ServerJson.write(body));
        } catch (OpenAiProtocolException e) {
            throw ApiError.invalidRequest(
                    null, "The request does not have the shape of a chat completion request: " + e.getMessage());
        }
        return new Parsed(request, stream, messages);
    }

    /** {@code tools}, {@code tool_choice} (naming one of the tools), and {@code parallel_tool_calls}. */
    private static void tools(JsonNode body) {
        Set<String> names = new HashSet<>();
        JsonNode tools = body.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw ApiError.invalidRequest(
                        "tools",
                        "\"tools\" must be a list of {\"type\": \"function\", \"function\":"
                                + " {\"name\", \"description\", \"parameters\"}}, not " + kind(tools) + ".");
            }
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                if (!"function".equals(tool.path("type").asString(null))
                        || !tool.path("function").path("name").isString()) {
                    throw ApiError.invalidRequest(
                            "tools[" + i + "]",
                            "tools[" + i + "] must be {\"type\": \"function\","
                                    + " \"function\": {\"name\": …}}; a function tool with a name.");
                }
                names.add(tool.path("function").path("name").asString());
            }
        }
        JsonNode choice = body.get("tool_choice");
        if (choice != null && !choice.isNull()) {
            if (choice.isString() && !TOOL_CHOICES.contains(choice.asString())
                    || !choice.isString() && !choice.isObject()) {
                throw ApiError.invalidRequest(
                        "tool_choice",
                        "\"tool_choice\" must be \"none\", \"auto\", \"required\" or"
                                + " {\"type\": \"function\", \"function\": {\"name\": …}}, not " + kind(choice) + ".");
            }
            String forced = choice.path("function").path("name").asString(null);
            if (choice.isObject() && (forced == null || !names.contains(forced))) {
                throw ApiError.invalidRequest(
                        "tool_choice",
                        "\"tool_choice\" names the function " + forced + ", which is" + " not in \"tools\" "
                                + names.stream().sorted().toList() + ".");
            }
        }
        bool(body, "parallel_tool_calls");
    }

    private static void bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw ApiError.invalidRequest(field, "\"" + field + "\" must be true or false, not " + kind(value) + ".");
        }
    }

    private static void number(JsonNode body, String field, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw ApiError.invalidRequest(
                    field,
                    "\"" + field + "\" must be a number between " + format(min) + " and " + format(max) + ", not "
                            + kind(value) + ".");
        }
        double d = value.asDouble();
        if (d < min || d > max) {
            throw ApiError.invalidRequest(
                    field,
                    "\"" + field + "\" is " + value + "; it must be between " + format(min) + " and " + format(max)
                            + ".");
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
