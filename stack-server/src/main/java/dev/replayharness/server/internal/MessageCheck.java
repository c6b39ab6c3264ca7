package dev.replayharness.server.internal;

import static dev.replayharness.server.internal.ChatRequestParser.kind;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks the {@code messages} of a chat request one by one: roles, content as a string or a list of
 * parts ({@code text}, {@code image_url}, or any other typed part, passed on as it is), an assistant's
 * {@code tool_calls}, and a {@code tool} message's {@code tool_call_id}, which must answer a call of an
 * earlier assistant message.
 */
final class MessageCheck {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private final Set<String> callIds = new HashSet<>();

    private MessageCheck() {}

    static void check(JsonNode messages) {
        MessageCheck check = new MessageCheck();
        for (int i = 0; i < messages.size(); i++) {
            check.message(messages.get(i), "messages[" + i + "]");
        }
    }

    private void message(JsonNode message, String where) {
        if (!message.isObject()) {
            throw ApiError.invalidRequest(
                    where, where + " must be an object with \"role\" and \"content\", not " + kind(message) + ".");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isString() || !ROLES.contains(role.asString())) {
            throw ApiError.invalidRequest(
                    where + ".role",
                    where + ".role must be one of " + ROLES.stream().sorted().toList() + ", not "
                            + (role == null ? "missing" : kind(role)) + ".");
        }
        boolean assistant = role.asString().equals("assistant");
        if (assistant) {
            toolCalls(message.get("tool_calls"), where + ".tool_calls");
        }
        if (role.asString().equals("tool")) {
            JsonNode id = message.get("tool_call_id");
            if (id == null || !id.isString() || id.asString().isBlank()) {
                throw ApiError.invalidRequest(
                        where + ".tool_call_id",
                        where + " is a tool message without"
                                + " \"tool_call_id\"; set it to the id of the assistant's tool call it answers.");
            }
            if (!callIds.contains(id.asString())) {
                throw ApiError.invalidRequest(
                        where + ".tool_call_id",
                        where + ".tool_call_id '" + id.asString()
                                + "' answers no tool call of an earlier assistant message; calls so far: "
                                + callIds.stream().sorted().toList() + ".");
            }
        }
        content(message.get("content"), where + ".content", role.asString(), assistant);
    }

    private void toolCalls(JsonNode calls, String where) {
        if (calls == null || calls.isNull()) {
            return;
        }
        if (!calls.isArray()) {
            throw ApiError.invalidRequest(
                    where,
                    where + " must be a list of {\"id\", \"type\": \"function\","
                            + " \"function\": {\"name\", \"arguments\"}}, not " + kind(calls) + ".");
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String at = where + "[" + i + "]";
            if (!call.path("id").isString()
                    || !call.path("function").path("name").isString()
                    || !call.path("function").path("arguments").isString()) {
                throw ApiError.invalidRequest(
                        at,
                        at + " needs a string \"id\", \"function.name\" and"
                                + " \"function.arguments\" (the arguments as a JSON text), as the completion gave them.");
            }
            callIds.add(call.path("id").asString());
        }
    }

    private static void content(JsonNode content, String where, String role, boolean assistant) {
        if (content == null || content.isNull()) {
            if (!assistant) {
                throw ApiError.invalidRequest(
                        where,
                        where + " is missing; a " + role + " message needs content (a"
                                + " string or a list of parts).");
            }
            return;
        }
        if (content.isString()) {
            return;
        }
        if (!content.isArray()) {
            throw ApiError.invalidRequest(
                    where,
                    where + " must be a string or a list of parts such as"
                            + " [{\"type\": \"text\", \"text\": \"Hi\"}], not " + kind(content) + ".");
        }
        for (int i = 0; i < content.size(); i++) {
            part(content.get(i), where + "[" + i + "]");
        }
    }

    private static void part(JsonNode part, String where) {
        String type = part.path("type").asString(null);
        if (!part.isObject() || type == null) {
            throw ApiError.invalidRequest(
                    where,
                    where + " must be an object with a \"type\" (\"text\", \"image_url\"," + " …), not " + kind(part)
                            + ".");
        }
        if (type.equals("text") && !part.path("text").isString()) {
            throw ApiError.invalidRequest(where + ".text", where + " is a text part without a string \"text\".");
        }
        if (type.equals("image_url") && !part.path("image_url").path("url").isString()) {
            throw ApiError.invalidRequest(
                    where + ".image_url",
                    where + " is an image_url part without"
                            + " \"image_url\": {\"url\": \"https://… or data:image/…\"}.");
        }
    }
}
