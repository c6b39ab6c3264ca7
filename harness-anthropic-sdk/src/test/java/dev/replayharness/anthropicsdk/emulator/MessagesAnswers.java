package dev.replayharness.anthropicsdk.emulator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulated Claude: a fixed answer per prompt of the usage guide, a deterministic echo for anything else. */
final class MessagesAnswers {
    private static final Pattern NAME = Pattern.compile("(?i)my name is (\\p{L}+)");

    private MessagesAnswers() {}

    /**
     * @param system the system prompt, or ""
     * @param userTurns the user turns' text, oldest first
     */
    static String answer(String system, List<String> userTurns) {
        String last = userTurns.isEmpty() ? "" : userTurns.get(userTurns.size() - 1);
        String persona = system.toLowerCase(Locale.ROOT);
        if (persona.contains("pirate")) {
            return "Ahoy, matey! Ye said \"" + last + "\", and a fine thing it be to hear. What be yer pleasure?";
        }
        if (last.equalsIgnoreCase("What is my name?")) {
            for (String earlier : userTurns) {
                Matcher name = NAME.matcher(earlier);
                if (name.find()) {
                    return "Your name is " + name.group(1) + ".";
                }
            }
        }
        return switch (last) {
            case "Which planet do humans live on?" ->
                "Humans live on Earth, the third planet from the Sun and the only one known to support life.";
            case "Which planet has rings around it with a name starting with letter S?" ->
                "Saturn is the ringed planet whose name starts with the letter S.";
            case "What's the name of the Sun in latin?" -> "The Sun is called Sol in Latin (genitive Solis).";
            case "What is the name of the US captial?" -> "The capital of the United States is Washington, D.C.";
            case "Write a haiku about coding" ->
                "Lines of logic flow\nBugs hide in the silent loops\nTests bring back the dawn";
            case "Hello, world!" -> "Hello! How can I help you today?";
            default -> "You said: \"" + last + "\". This is the Messages API emulator's reply.";
        };
    }

    /** The answer cut into the deltas a stream sends: a word (and the space after it) each. */
    static List<String> deltas(String answer) {
        return List.of(answer.split("(?<= )"));
    }
}
