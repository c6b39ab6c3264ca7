package dev.replayharness.bedrock.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the emulated gpt-oss says: reasoning in sentence-sized pieces (each streamed as its own
 * {@code <reasoning>} block, as Bedrock does) and the answer.
 *
 * @param reasoning the reasoning pieces, in order
 * @param text the answer
 */
record Answer(List<String> reasoning, String text) {

    /** The whole content of a non-streamed answer: one reasoning block, then the answer. */
    String rawContent() {
        return "<reasoning>" + String.join("", reasoning) + "</reasoning>" + text;
    }

    /** The answer cut into deltas of at most three words, spaces kept, so the deltas concatenate to it. */
    List<String> textDeltas() {
        List<String> deltas = new ArrayList<>();
        String[] words = text.split("(?<= )");
        for (int i = 0; i < words.length; i += 3) {
            deltas.add(String.join("", List.of(words).subList(i, Math.min(i + 3, words.length))));
        }
        return deltas;
    }

    /** A rough, deterministic token count: words and punctuation marks. */
    static int tokens(String text) {
        return (int) java.util.regex.Pattern.compile("\\w+|[^\\w\\s]").matcher(text).results().count();
    }
}
