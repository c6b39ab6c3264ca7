package dev.replayharness.bedrock.emulator;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Refuses requests the way Bedrock does: authentication, then the body. */
final class RequestCheck {

    static final String CHAT_PATH = "/openai/v1/chat/completions";
    static final String MODELS_PATH = "/openai/v1/models";
    static final Set<String> MODELS = Set.of("openai.gpt-oss-20b-1:0", "openai.gpt-oss-120b-1:0");
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "model",
            "messages",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "stop",
            "seed",
            "reasoning_effort",
            "stream",
            "stream_options",
            "n",
            "presence_penalty",
            "frequency_penalty",
            "logprobs",
            "top_logprobs",
            "user",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "response_format",
            "service_tier");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private RequestCheck() {}

    /** Bearer authentication; {@code requiredToken} null accepts any token. */
    static Optional<ScriptedResponse> authentication(Optional<String> authorization, String requiredToken) {
        if (authorization.isEmpty() || !authorization.get().startsWith("Bearer ")) {
            return Optional.of(ScriptedResponse.of(
                    401, EmulatorJson.awsError("message", "Authorization header is missing or is not a Bearer token")));
        }
        String token = authorization.get().substring("Bearer ".length());
        if (token.contains("expired")) {
            return Optional.of(ScriptedResponse.of(401, EmulatorJson.awsError("Message", "Bearer Token has expired")));
        }
        if (requiredToken != null && !requiredToken.equals(token)) {
            return Optional.of(ScriptedResponse.of(
                    401, EmulatorJson.awsError("message", "The security token included in the request is invalid.")));
        }
        return Optional.empty();
    }

    /** The parsed body, or the 4xx Bedrock would answer. */
    static ParsedOrRefused body(String text) {
        JsonNode body;
        try {
            body = EmulatorJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return refused(400, EmulatorJson.error("The request body is not valid JSON.", "invalid_request_error"));
        }
        if (body == null || !body.isObject()) {
            return refused(400, EmulatorJson.error("The request body must be a JSON object.", "invalid_request_error"));
        }
        for (String field : body.propertyNames()) {
            if (!KNOWN_FIELDS.contains(field)) {
                return refused(
                        400, EmulatorJson.error("Unrecognized request field: " + field, "invalid_request_error"));
            }
        }
        String model = body.path("model").asString("");
        if (!MODELS.contains(model)) {
            return refused(
                    404,
                    EmulatorJson.error(
                            "The model `" + model + "` does not exist or you do not have access" + " to it.",
                            "not_found_error"));
        }
        if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return refused(400, EmulatorJson.error("messages must be a non-empty list.", "invalid_request_error"));
        }
        String problem = problem(body);
        if (problem != null) {
            return refused(400, EmulatorJson.error(problem, "invalid_request_error"));
        }
        if (Conversation.of(body).hasImage()) {
            return refused(400, EmulatorJson.nestedValidationError("Model does not support image modality"));
        }
        return new ParsedOrRefused(body, null);
    }

    /** What the body gets wrong about messages, tools or logprobs (OpenAI's wording), or null. */
    private static String problem(JsonNode body) {
        Set<String> callIds = new HashSet<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asString("");
            if (!ROLES.contains(role)) {
                return "Invalid value for 'role': '" + role + "'. Supported values are: " + ROLES + ".";
            }
            message.path("tool_calls")
                    .forEach(call -> callIds.add(call.path("id").asString("")));
            if (role.equals("tool")
                    && !callIds.contains(message.path("tool_call_id").asString(""))) {
                return "Invalid parameter: messages with role 'tool' must be a response to a preceding message with"
                        + " 'tool_calls'.";
            }
        }
        Set<String> names = new HashSet<>();
        for (JsonNode tool : body.path("tools")) {
            if (!"function".equals(tool.path("type").asString(""))
                    || !tool.path("function").path("name").isString()) {
                return "Invalid tools: each tool must be {\"type\":\"function\",\"function\":{\"name\":…}}.";
            }
            names.add(tool.path("function").path("name").asString());
        }
        String forced = body.path("tool_choice").path("function").path("name").asString(null);
        if (forced != null && !names.contains(forced)) {
            return "Invalid value for 'tool_choice': no function named '" + forced + "' in 'tools'.";
        }
        if (body.has("top_logprobs") && !body.path("logprobs").asBoolean(false)) {
            return "Invalid parameter: 'logprobs' must be set to true when 'top_logprobs' is given.";
        }
        return null;
    }

    private static ParsedOrRefused refused(int status, String body) {
        return new ParsedOrRefused(null, ScriptedResponse.of(status, body));
    }

    /** Exactly one of the two is set. */
    record ParsedOrRefused(JsonNode body, ScriptedResponse refusal) {}
}
