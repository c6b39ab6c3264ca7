package dev.replayharness.bedrock.nativeapi.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the emulator reads from a request: the system prompt, the user's texts, the tools offered and the tool
 * results sent back. Read from Converse's shape ({@code messages[].content[]} blocks) or InvokeModel's
 * chat-completions shape ({@code messages[].content} strings).
 *
 * @param system the system prompt, or ""
 * @param userTexts the user's texts, oldest first
 * @param tools the tools offered, in order
 * @param toolResults the tool results in the last user turn
 */
record NativeConversation(String system, List<String> userTexts, List<Tool> tools, List<ToolResult> toolResults) {

    /**
     * An offered tool.
     *
     * @param name its name
     * @param argument its first required string property, or null
     */
    record Tool(String name, String argument) {}

    /**
     * A tool's answer.
     *
     * @param name the tool's name (from the assistant turn that called it)
     * @param content its text or JSON
     */
    record ToolResult(String name, String content) {}

    String lastUserText() {
        return userTexts.isEmpty() ? "" : userTexts.get(userTexts.size() - 1);
    }

    /** Reads a Converse request body. */
    static NativeConversation ofConverse(JsonNode body) {
        StringBuilder system = new StringBuilder();
        body.path("system").forEach(block -> system.append(block.path("text").asString("")));
        List<String> users = new ArrayList<>();
        List<ToolResult> results = new ArrayList<>();
        Map<String, String> calledTools = new HashMap<>();
        for (JsonNode message : body.path("messages")) {
            boolean user = "user".equals(message.path("role").asString());
            if (user) {
                results.clear(); // only the last user turn's results are answered
            }
            for (JsonNode block : message.path("content")) {
                if (block.has("text") && user) {
                    users.add(block.path("text").asString());
                } else if (block.has("toolUse")) {
                    calledTools.put(
                            block.path("toolUse").path("toolUseId").asString(),
                            block.path("toolUse").path("name").asString());
                } else if (block.has("toolResult")) {
                    JsonNode result = block.path("toolResult");
                    StringBuilder content = new StringBuilder();
                    for (JsonNode part : result.path("content")) {
                        content.append(
                                part.has("text")
                                        ? part.path("text").asString()
                                        : part.path("json").toString());
                    }
                    results.add(new ToolResult(
                            calledTools.getOrDefault(result.path("toolUseId").asString(), "tool"), content.toString()));
                }
            }
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode tool : body.path("toolConfig").path("tools")) {
            JsonNode spec = tool.path("toolSpec");
            tools.add(new Tool(
                    spec.path("name").asString(),
                    firstRequiredString(spec.path("inputSchema").path("json"))));
        }
        return new NativeConversation(system.toString(), users, tools, results);
    }

    /** Reads an InvokeModel (chat completions) request body. */
    static NativeConversation ofInvoke(JsonNode body) {
        StringBuilder system = new StringBuilder();
        List<String> users = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asString();
            String text =
                    message.path("content").isString() ? message.path("content").asString() : "";
            if ("system".equals(role) || "developer".equals(role)) {
                system.append(text);
            } else if ("user".equals(role)) {
                users.add(text);
            }
        }
        return new NativeConversation(system.toString(), users, List.of(), List.of());
    }

    private static String firstRequiredString(JsonNode schema) {
        for (JsonNode required : schema.path("required")) {
            if ("string"
                    .equals(schema.path("properties")
                            .path(required.asString())
                            .path("type")
                            .asString())) {
                return required.asString();
            }
        }
        return null;
    }

    /** Tokens of what the model reads: a rough, deterministic count. */
    int inputTokens() {
        return NativeAnswer.tokens(system + " " + String.join(" ", userTexts)) + 12;
    }
}
