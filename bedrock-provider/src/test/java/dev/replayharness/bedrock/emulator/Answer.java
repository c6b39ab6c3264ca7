package dev.replayharness.bedrock.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the emulated gpt-oss says: reasoning in sentence-sized pieces (each streamed as its own
 * {@code <reasoning>} block, as Bedrock does), the answer, and the tool calls it makes instead.
 *
 * @param reasoning the reasoning pieces, in order
 * @param text the answer ("" when it calls tools)
 * @param toolCalls the calls it makes (finish reason {@code tool_calls}), or none
 */
record Answer(List<String> reasoning, String text, List<ToolCall> toolCalls) {

    Answer(List<String> reasoning, String text) {
        this(reasoning, text, List.of());
    }

    /** Calls these tools after reasoning about them. */
    static Answer calling(List<ToolCall> calls) {
        List<String> reasoning = new ArrayList<>();
        reasoning.add("The user needs " + calls.get(0).name() + ". ");
        for (ToolCall call : calls) {
            reasoning.add("Call it with " + call.arguments() + ". ");
        }
        return new Answer(reasoning, "", List.copyOf(calls));
    }

    /** {@code stop}, or {@code tool_calls} when it calls tools. */
    String finishReason() {
        return toolCalls.isEmpty() ? "stop" : "tool_calls";
    }

    /** The whole content of a non-streamed answer: one reasoning block, then the answer. */
    String rawContent() {
        return "<reasoning>" + String.join("", reasoning) + "</reasoning>" + text;
    }

    /** The answer cut into deltas of at most three words, spaces kept, so the deltas concatenate to it. */
    List<String> textDeltas() {
        List<String> deltas = new ArrayList<>();
        if (text.isEmpty()) {
            return deltas;
        }
        String[] words = text.split("(?<= )");
        for (int i = 0; i < words.length; i += 3) {
            deltas.add(String.join("", List.of(words).subList(i, Math.min(i + 3, words.length))));
        }
        return deltas;
    }

    /** A rough, deterministic token count: words and punctuation marks. */
    static int tokens(String text) {
        return (int) java.util.regex.Pattern.compile("\\w+|[^\\w\\s]")
                .matcher(text)
                .results()
                .count();
    }
}
