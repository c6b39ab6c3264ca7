package dev.replayharness.openai;

import dev.replayharness.openai.internal.ToolCallMerger;

/**
 * Adds up chunks into a {@link StreamedCompletion}. Only the first choice (index 0) is kept; a
 * server streaming {@code n > 1} alternatives interleaves them by index.
 *
 * <p>Reasoning is split from the concatenated text, not per delta, so a server that splits a
 * {@code <reasoning>} tag across deltas is handled too. Tool-call fragments are merged by their
 * {@code index} (several may arrive in one chunk); logprobs are concatenated; the usage, service
 * tier and fingerprint are the last ones sent.
 */
public final class StreamAccumulator {

    private final StringBuilder rawContent = new StringBuilder();
    private final StringBuilder separateReasoning = new StringBuilder();
    private final ToolCallMerger toolCalls = new ToolCallMerger();
    private StringBuilder refusal;
    private Logprobs logprobs;
    private String id;
    private String model;
    private Long created;
    private String systemFingerprint;
    private String serviceTier;
    private String role;
    private String finishReason;
    private Usage usage;
    private int chunkCount;

    /** Adds one chunk. */
    public void add(ChatCompletionChunk chunk) {
        chunkCount++;
        id = chunk.id() != null ? chunk.id() : id;
        model = chunk.model() != null ? chunk.model() : model;
        created = chunk.created() != null ? chunk.created() : created;
        systemFingerprint = chunk.systemFingerprint() != null ? chunk.systemFingerprint() : systemFingerprint;
        serviceTier = chunk.serviceTier() != null ? chunk.serviceTier() : serviceTier;
        usage = chunk.usage() != null ? chunk.usage() : usage;
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.index() != null && choice.index() != 0) {
                continue;
            }
            finishReason = choice.finishReason() != null ? choice.finishReason() : finishReason;
            logprobs = logprobs == null ? choice.logprobs() : logprobs.concat(choice.logprobs());
            Delta delta = choice.delta();
            if (delta != null) {
                addDelta(delta);
            }
        }
    }

    private void addDelta(Delta delta) {
        role = delta.role() != null ? delta.role() : role;
        append(rawContent, delta.rawContent());
        append(separateReasoning, delta.reasoningField());
        if (delta.refusal() != null) {
            refusal = (refusal == null ? new StringBuilder() : refusal).append(delta.refusal());
        }
        if (delta.toolCalls() != null) {
            delta.toolCalls().forEach(toolCalls::add);
        }
    }

    /** What the chunks added so far amount to. */
    public StreamedCompletion result() {
        String raw = rawContent.toString();
        ReasoningContent split = ReasoningContent.split(raw, separateReasoning.toString());
        return new StreamedCompletion(id, model, role, raw, split.reasoning(), split.answer(), finishReason, usage,
                chunkCount, toolCalls.result(), refusal == null ? null : refusal.toString(), logprobs, created,
                systemFingerprint, serviceTier);
    }

    private static void append(StringBuilder target, String text) {
        if (text != null) {
            target.append(text);
        }
    }
}
