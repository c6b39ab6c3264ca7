package dev.replayharness.bedrock.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, deterministically, whether the emulated model calls tools and with what arguments.
 *
 * <p>It calls the function whose name's words (split on {@code _} and case; {@code get}, {@code set}
 * ignored) appear most in the last user message, or the one {@code tool_choice} forces; none for
 * {@code tool_choice: "none"}, after tool results, or when no name matches. The subjects are what
 * follows the last {@code of}/{@code in}/{@code for}/{@code about} of the prompt, split on commas and
 * {@code and} ("the boiling point of water and ethanol?" → water, ethanol): one call each, in
 * parallel unless {@code parallel_tool_calls} is false. Each call's arguments hold the required
 * parameters and those with a default: the subject for the first string, the default otherwise.
 */
final class ToolPlanner {

    private static final Set<String> IGNORED_WORDS = Set.of("get", "set", "the");
    private static final List<String> SUBJECT_MARKERS = List.of(" of ", " in ", " for ", " about ");

    private ToolPlanner() {}

    /** The calls to make, in order; empty to answer in text. */
    static List<ToolCall> plan(JsonNode body, Conversation conversation, String requestId) {
        JsonNode tools = body.path("tools");
        JsonNode choice = body.path("tool_choice");
        if (tools.isEmpty() || !conversation.toolResults().isEmpty() || "none".equals(choice.asString(""))) {
            return List.of();
        }
        String prompt = conversation.lastUser();
        JsonNode function = chosen(tools, choice, prompt);
        if (function == null) {
            return List.of();
        }
        List<String> subjects = subjects(prompt);
        if (!body.path("parallel_tool_calls").asBoolean(true)) {
            subjects = subjects.subList(0, 1);
        }
        List<ToolCall> calls = new ArrayList<>();
        for (String subject : subjects) {
            calls.add(new ToolCall(
                    ToolCall.id(requestId, calls.size()),
                    function.path("name").asString(),
                    arguments(function.path("parameters"), subject)));
        }
        return calls;
    }

    private static JsonNode chosen(JsonNode tools, JsonNode choice, String prompt) {
        String forced = choice.path("function").path("name").asString(null);
        JsonNode best = null;
        int bestScore = 0;
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            String name = function.path("name").asString("");
            if (name.equals(forced)) {
                return function;
            }
            int score = score(name, prompt.toLowerCase(Locale.ROOT));
            if (score > bestScore) {
                best = function;
                bestScore = score;
            }
        }
        if (best == null && "required".equals(choice.asString(""))) {
            return tools.get(0).path("function");
        }
        return best;
    }

    private static int score(String name, String prompt) {
        int score = 0;
        for (String word : name.split("_|(?<=\\p{Ll})(?=\\p{Lu})")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() > 2 && !IGNORED_WORDS.contains(lower) && prompt.contains(lower)) {
                score++;
            }
        }
        return score;
    }

    static List<String> subjects(String prompt) {
        String text = prompt.strip().replaceAll("[?.!]+$", "");
        int start = -1;
        int markerLength = 0;
        for (String marker : SUBJECT_MARKERS) {
            int at = text.lastIndexOf(marker);
            if (at > start) {
                start = at;
                markerLength = marker.length();
            }
        }
        String tail = start < 0 ? text.substring(text.lastIndexOf(' ') + 1) : text.substring(start + markerLength);
        List<String> subjects = new ArrayList<>();
        for (String subject : tail.split(",|\\band\\b")) {
            String trimmed = subject.strip().replaceFirst("^(the|of) ", "");
            if (!trimmed.isEmpty()) {
                subjects.add(trimmed);
            }
        }
        return subjects.isEmpty() ? List.of(text) : subjects;
    }

    private static String arguments(JsonNode parameters, String subject) {
        ObjectNode arguments = EmulatorJson.MAPPER.createObjectNode();
        Set<String> required = new java.util.HashSet<>();
        parameters.path("required").forEach(name -> required.add(name.asString()));
        boolean subjectUsed = false;
        for (var property : parameters.path("properties").properties()) {
            JsonNode schema = property.getValue();
            boolean isString = "string".equals(schema.path("type").asString(""));
            if (isString && !subjectUsed && required.contains(property.getKey())) {
                arguments.put(property.getKey(), subject);
                subjectUsed = true;
            } else if (schema.has("default")) {
                arguments.set(property.getKey(), schema.get("default"));
            } else if (required.contains(property.getKey())) {
                arguments.set(property.getKey(), placeholder(schema.path("type").asString("")));
            }
        }
        return EmulatorJson.MAPPER.writeValueAsString(arguments);
    }

    private static JsonNode placeholder(String type) {
        var nodes = EmulatorJson.MAPPER.getNodeFactory();
        return switch (type) {
            case "boolean" -> nodes.booleanNode(true);
            case "integer", "number" -> nodes.numberNode(1);
            case "array" -> nodes.arrayNode();
            case "object" -> nodes.objectNode();
            default -> nodes.stringNode("");
        };
    }
}
