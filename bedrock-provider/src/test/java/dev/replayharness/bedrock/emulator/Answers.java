package dev.replayharness.bedrock.emulator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulated model: a fixed answer per known prompt, a deterministic echo for anything else. */
final class Answers {

    private static final Pattern NAME = Pattern.compile("(?i)my name is (\\p{L}+)");

    private Answers() {}

    /** The answer to a conversation: a report of the tool results that end it, else {@link #answer(String, List)}. */
    static Answer answer(Conversation conversation) {
        if (conversation.toolResults().isEmpty()) {
            return answer(conversation.system(), conversation.users());
        }
        StringBuilder text = new StringBuilder();
        for (Conversation.ToolResult result : conversation.toolResults()) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(result.name())
                    .append(" returned ")
                    .append(result.content())
                    .append(subject(result.arguments()))
                    .append('.');
        }
        return new Answer(List.of("The tools answered. ", "Report what they said."), text.toString());
    }

    /** " for <the first string argument>", or "" when there is none. */
    private static String subject(String arguments) {
        try {
            for (var value : EmulatorJson.MAPPER.readTree(arguments).values()) {
                if (value.isString()) {
                    return " for " + value.asString();
                }
            }
        } catch (tools.jackson.core.JacksonException notJson) {
            // arguments a client made up: report the result without a subject
        }
        return "";
    }

    /**
     * @param system the system message, or ""
     * @param userMessages the user messages, oldest first
     */
    static Answer answer(String system, List<String> userMessages) {
        String last = userMessages.isEmpty() ? "" : userMessages.get(userMessages.size() - 1);
        String persona = system.toLowerCase(Locale.ROOT);
        if (persona.contains("pirate")) {
            return new Answer(
                    List.of("The system asks for pirate speak. ", "Greet them like a pirate."),
                    "Ahoy, matey! Ye said \"" + last + "\", and a fine thing it be to hear. What be yer pleasure?");
        }
        if (persona.contains("shakespeare")) {
            return new Answer(
                    List.of("The system asks for Shakespearean English. ", "Answer in that style."),
                    "Hark, good friend! Thou speakest of \"" + last + "\"; pray tell, what more wouldst thou know?");
        }
        if (last.equalsIgnoreCase("What is my name?")) {
            for (String earlier : userMessages) {
                Matcher name = NAME.matcher(earlier);
                if (name.find()) {
                    return new Answer(
                            List.of("The user told me their name earlier. ", "It was " + name.group(1) + "."),
                            "Your name is " + name.group(1) + ".");
                }
            }
        }
        return switch (last) {
            case "Which planet do humans live on?" ->
                new Answer(
                        List.of("The user asks which planet humans live on. ", "That is Earth."),
                        "Humans live on **Earth**, the third planet from the Sun and the only one known to support life.");
            case "Which planet has rings around it with a name starting with letter S?" ->
                new Answer(
                        List.of(
                                "Ringed planets are Jupiter, Saturn, Uranus and Neptune. ",
                                "Only Saturn starts with S."),
                        "**Saturn** is the ringed planet whose name starts with the letter S.");
            case "What's the name of the Sun in latin?" ->
                new Answer(
                        List.of("The user wants the Latin word for the Sun. ", "It is sol; genitive solis."),
                        "The Sun is called **Sol** in Latin (genitive *Solis*).");
            case "What's the name of the Sun in Latin?" ->
                new Answer(
                        List.of("The user wants the Latin word for the Sun. ", "It is Sol."),
                        "The Latin name for the Sun is **Sol**.");
            case "What is the name of the US captial?" ->
                new Answer(
                        List.of("They mean capital, despite the typo. ", "The U.S. capital is Washington, D.C."),
                        "The capital of the United States is **Washington, D.C.**");
            case "Write a haiku about coding" ->
                new Answer(
                        List.of("A haiku has lines of five, seven and five syllables. ", "Write one about code."),
                        "Lines of logic flow\nBugs hide in the silent loops\nTests bring back the dawn");
            case "Hello, world!" ->
                new Answer(
                        List.of("The user greets me. ", "Greet them back and offer help."),
                        "Hello! 👋 How can I help you today?");
            case "Count from 1 to 5" ->
                new Answer(List.of("Count upwards from one. ", "Stop at five."), "1, 2, 3, 4, 5");
            case "Say hello in 3 words" -> new Answer(List.of("Three words of greeting. "), "Hello there, friend!");
            default ->
                new Answer(
                        List.of("Nothing scripted for this prompt. ", "Echo it back."),
                        "You said: \"" + last + "\". This is the Bedrock emulator's reply.");
        };
    }
}
