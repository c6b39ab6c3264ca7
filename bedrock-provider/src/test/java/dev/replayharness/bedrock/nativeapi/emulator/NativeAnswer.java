package dev.replayharness.bedrock.nativeapi.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the emulated gpt-oss answers: its reasoning, then the text, or a tool call instead of text. The same prompts
 * as the OpenAI-compatible emulator's (the guide's), so both endpoints tell the same story.
 *
 * @param reasoning the reasoning text (a {@code reasoningContent} block)
 * @param text the answer ("" when it calls a tool)
 * @param toolUse the tool it calls, or null
 */
record NativeAnswer(String reasoning, String text, ToolUse toolUse) {

    private static final Pattern NAME = Pattern.compile("(?i)my name is (\\p{L}+)");
    private static final Pattern SUBJECT = Pattern.compile("\\b(\\p{Lu}\\p{L}+)\\b(?!.*\\b\\p{Lu}\\p{L}+\\b)");

    /**
     * A tool call.
     *
     * @param id the {@code toolUseId}, derived from the request so answers repeat
     * @param name the tool's name
     * @param input the arguments
     */
    record ToolUse(String id, String name, ObjectNode input) {}

    /** {@code tool_use} when it calls a tool, else {@code end_turn}. */
    String stopReason() {
        return toolUse == null ? "end_turn" : "tool_use";
    }

    /** The text in deltas of at most three words, spaces kept, so they concatenate to it. */
    static List<String> deltas(String text) {
        List<String> deltas = new ArrayList<>();
        String[] words = text.split("(?<= )");
        for (int i = 0; i < words.length && !text.isEmpty(); i += 3) {
            deltas.add(String.join("", List.of(words).subList(i, Math.min(i + 3, words.length))));
        }
        return deltas;
    }

    /** A rough, deterministic token count: words and punctuation marks. */
    static int tokens(String text) {
        return (int) Pattern.compile("\\w+|[^\\w\\s]").matcher(text).results().count();
    }

    /** The answer to a conversation: a tool call when tools are offered and none answered yet, else text. */
    static NativeAnswer to(NativeConversation conversation, String requestDigest) {
        if (!conversation.toolResults().isEmpty()) {
            StringBuilder report = new StringBuilder();
            for (NativeConversation.ToolResult result : conversation.toolResults()) {
                report.append(report.isEmpty() ? "" : " ")
                        .append(result.name())
                        .append(" returned ")
                        .append(result.content())
                        .append('.');
            }
            return new NativeAnswer("The tools answered. Report what they said.", report.toString(), null);
        }
        String last = conversation.lastUserText();
        if (!conversation.tools().isEmpty()) {
            NativeConversation.Tool tool = conversation.tools().get(0);
            ObjectNode input = NativeJson.MAPPER.createObjectNode();
            if (tool.argument() != null) {
                Matcher subject = SUBJECT.matcher(last);
                input.put(tool.argument(), subject.find() ? subject.group(1) : last);
            }
            return new NativeAnswer(
                    "The user needs " + tool.name() + ". Call it with " + input + ".",
                    "",
                    new ToolUse("tooluse_" + requestDigest.substring(0, 22), tool.name(), input));
        }
        return text(conversation.system(), conversation.userTexts(), last);
    }

    private static NativeAnswer text(String system, List<String> users, String last) {
        String persona = system.toLowerCase(Locale.ROOT);
        if (persona.contains("pirate")) {
            return new NativeAnswer(
                    "The system asks for pirate speak. Greet them like a pirate.",
                    "Ahoy, matey! Ye said \"" + last + "\", and a fine thing it be to hear. What be yer pleasure?",
                    null);
        }
        if (last.equalsIgnoreCase("What is my name?")) {
            for (String earlier : users) {
                Matcher name = NAME.matcher(earlier);
                if (name.find()) {
                    return new NativeAnswer(
                            "The user told me their name earlier. It was " + name.group(1) + ".",
                            "Your name is " + name.group(1) + ".",
                            null);
                }
            }
        }
        return switch (last) {
            case "Which planet do humans live on?" ->
                new NativeAnswer(
                        "The user asks which planet humans live on. That is Earth.",
                        "Humans live on **Earth**, the third planet from the Sun and the only one known to support life.",
                        null);
            case "Which planet has rings around it with a name starting with letter S?" ->
                new NativeAnswer(
                        "Ringed planets are Jupiter, Saturn, Uranus and Neptune. Only Saturn starts with S.",
                        "**Saturn** is the ringed planet whose name starts with the letter S.",
                        null);
            case "What's the name of the Sun in latin?" ->
                new NativeAnswer(
                        "The user wants the Latin word for the Sun. It is sol; genitive solis.",
                        "The Sun is called **Sol** in Latin (genitive *Solis*).",
                        null);
            case "Write a haiku about coding" ->
                new NativeAnswer(
                        "A haiku has lines of five, seven and five syllables. Write one about code.",
                        "Lines of logic flow\nBugs hide in the silent loops\nTests bring back the dawn",
                        null);
            default ->
                new NativeAnswer(
                        "Nothing scripted for this prompt. Echo it back.",
                        "You said: \"" + last + "\". This is the Bedrock native emulator's reply.",
                        null);
        };
    }
}
