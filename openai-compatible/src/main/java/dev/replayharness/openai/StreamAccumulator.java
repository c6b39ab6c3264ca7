package dev.replayharness.openai;

/**
 * Adds up chunks into a {@link StreamedCompletion}. Only the first choice (index 0) is kept; a
 * server streaming {@code n > 1} alternatives interleaves them by index.
 *
 * <p>Reasoning is split from the concatenated text, not per delta, so a server that splits a
 * {@code <reasoning>} tag across deltas is handled too.
 */
public final class StreamAccumulator {

    private final StringBuilder rawContent = new StringBuilder();
    private final StringBuilder separateReasoning = new StringBuilder();
    private String id;
    private String model;
    private String role;
    private String finishReason;
    private Usage usage;
    private int chunkCount;

    /** Adds one chunk. */
    public void add(ChatCompletionChunk chunk) {
        chunkCount++;
        id = chunk.id() != null ? chunk.id() : id;
        model = chunk.model() != null ? chunk.model() : model;
        usage = chunk.usage() != null ? chunk.usage() : usage;
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.index() != null && choice.index() != 0) {
                continue;
            }
            finishReason = choice.finishReason() != null ? choice.finishReason() : finishReason;
            Delta delta = choice.delta();
            if (delta != null) {
                role = delta.role() != null ? delta.role() : role;
                append(rawContent, delta.rawContent());
                append(separateReasoning, delta.separateReasoning());
            }
        }
    }

    /** What the chunks added so far amount to. */
    public StreamedCompletion result() {
        String raw = rawContent.toString();
        ReasoningContent split = ReasoningContent.split(raw, separateReasoning.toString());
        return new StreamedCompletion(id, model, role, raw, split.reasoning(), split.answer(), finishReason, usage,
                chunkCount);
    }

    private static void append(StringBuilder target, String text) {
        if (text != null) {
            target.append(text);
        }
    }
}
