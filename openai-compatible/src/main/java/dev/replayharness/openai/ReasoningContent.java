package dev.replayharness.openai;

import java.util.Objects;

/**
 * Message content split into the model's reasoning and its answer.
 *
 * <p>gpt-oss served by Amazon Bedrock sends its chain of thought inline: {@code content} starts
 * with one or more {@code <reasoning>…</reasoning>} blocks, then the answer. In streams each
 * reasoning delta is a whole block of its own. This type is the one place that knows that
 * convention; the wire types only delegate to it.
 *
 * <p>Rules: only blocks at the very start count (whitespace between consecutive blocks is
 * skipped); several blocks are concatenated without a separator because they are fragments of
 * one reasoning stream; a leading block without its closing tag (the answer was cut off, e.g.
 * by {@code max_tokens}) is all reasoning; the answer is kept exactly as sent after the last
 * block, so concatenating streamed answers reproduces the whole answer.
 *
 * @param reasoning the reasoning text; empty, never null, when there was none
 * @param answer the content without the reasoning; null only when the server sent no content
 */
public record ReasoningContent(String reasoning, String answer) {

    /** Opening tag gpt-oss on Bedrock wraps its reasoning in. */
    public static final String OPEN_TAG = "<reasoning>";
    /** Closing tag matching {@link #OPEN_TAG}. */
    public static final String CLOSE_TAG = "</reasoning>";

    public ReasoningContent {
        Objects.requireNonNull(reasoning, "reasoning");
    }

    /** Splits raw content as sent by the server; {@code null} gives no reasoning and a null answer. */
    public static ReasoningContent split(String rawContent) {
        if (rawContent == null) {
            return new ReasoningContent("", null);
        }
        StringBuilder reasoning = new StringBuilder();
        int position = 0;
        while (true) {
            int start = skipWhitespace(rawContent, position);
            if (!rawContent.startsWith(OPEN_TAG, start)) {
                break;
            }
            int bodyStart = start + OPEN_TAG.length();
            int close = rawContent.indexOf(CLOSE_TAG, bodyStart);
            if (close < 0) {
                reasoning.append(rawContent, bodyStart, rawContent.length());
                return new ReasoningContent(reasoning.toString(), "");
            }
            reasoning.append(rawContent, bodyStart, close);
            position = close + CLOSE_TAG.length();
        }
        // Whitespace after the last block belongs to the answer: keep it exactly as sent.
        return new ReasoningContent(reasoning.toString(), rawContent.substring(position));
    }

    /**
     * Splits raw content and prepends reasoning the server sent in a separate field
     * ({@code reasoning} or {@code reasoning_content}, as vLLM and Ollama do).
     */
    public static ReasoningContent split(String rawContent, String separateReasoning) {
        ReasoningContent inline = split(rawContent);
        if (separateReasoning == null || separateReasoning.isEmpty()) {
            return inline;
        }
        return new ReasoningContent(separateReasoning + inline.reasoning(), inline.answer());
    }

    /** True if there was any reasoning text. */
    public boolean hasReasoning() {
        return !reasoning.isEmpty();
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
