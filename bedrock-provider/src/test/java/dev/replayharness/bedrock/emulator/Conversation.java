package dev.replayharness.bedrock.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the emulated model reads from a request's {@code messages}: the system message, the user
 * texts, the tool results that end the conversation (if it ends with {@code tool} messages), and
 * whether any message carries an image. Content may be a string or an array of parts.
 *
 * @param system the last system (or developer) message, or ""
 * @param users the user messages' text, oldest first
 * @param toolResults the {@code tool} messages after the last assistant message, in order; empty
 *     unless the conversation ends with them
 * @param hasImage whether a message has an {@code image_url} part
 * @param promptTokens a deterministic prompt token count (messages and tool definitions)
 */
record Conversation(
        String system, List<String> users, List<ToolResult> toolResults, boolean hasImage, int promptTokens) {

    /**
     * A tool's answer to one of the assistant's calls.
     *
     * @param name the called function
     * @param arguments the call's arguments (a JSON text)
     * @param content the tool message's text
     */
    record ToolResult(String name, String arguments, String content) {}

    /** The last user message, or "". */
    String lastUser() {
        return users.isEmpty() ? "" : users.get(users.size() - 1);
    }

    /** Reads a body whose {@code messages} {@link RequestCheck} has already accepted. */
    static Conversation of(JsonNode body) {
        String system = "";
        List<String> users = new ArrayList<>();
        List<ToolResult> results = new ArrayList<>();
        Map<String, JsonNode> calls = new HashMap<>();
        boolean image = false;
        int tokens = 3
                + Answer.tokens(
                        body.path("tools").isMissingNode()
                                ? ""
                                : body.path("tools").toString());
        for (JsonNode message : body.path("messages")) {
            String content = text(message.path("content"));
            image |= hasImage(message.path("content"));
            tokens += 4 + Answer.tokens(content);
            switch (message.path("role").asString("")) {
                case "system", "developer" -> system = content;
                case "user" -> {
                    users.add(content);
                    results.clear();
                }
                case "assistant" -> {
                    results.clear();
                    for (JsonNode call : message.path("tool_calls")) {
                        calls.put(call.path("id").asString(""), call.path("function"));
                        tokens += Answer.tokens(call.path("function").toString());
                    }
                }
                case "tool" -> {
                    JsonNode function = calls.getOrDefault(
                            message.path("tool_call_id").asString(""), EmulatorJson.MAPPER.createObjectNode());
                    results.add(new ToolResult(
                            function.path("name").asString(""),
                            function.path("arguments").asString("{}"),
                            content));
                }
                default -> {}
            }
        }
        return new Conversation(system, List.copyOf(users), List.copyOf(results), image, tokens);
    }

    /** A string's text, or the concatenated {@code text} of an array of parts; "" for null. */
    static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asString(""))) {
                text.append(part.path("text").asString(""));
            }
        }
        return text.toString();
    }

    static boolean hasImage(JsonNode content) {
        for (JsonNode part : content) {
            if ("image_url".equals(part.path("type").asString(""))) {
                return true;
            }
        }
        return false;
    }
}
