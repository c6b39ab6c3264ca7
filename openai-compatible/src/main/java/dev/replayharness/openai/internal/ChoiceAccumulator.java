package dev.replayharness.openai.internal;

import java.util.List;

import dev.replayharness.openai.Delta;
import dev.replayharness.openai.Logprobs;
import dev.replayharness.openai.ToolCall;

/** What the deltas of one choice (one {@code index}) of a stream add up to. */
public final class ChoiceAccumulator {

    private final StringBuilder rawContent = new StringBuilder();
    private final StringBuilder separateReasoning = new StringBuilder();
    private final ToolCallMerger toolCalls = new ToolCallMerger();
    private StringBuilder refusal;
    private Logprobs logprobs;
    private String role;
    private String finishReason;

    /** Adds one chunk's part of this choice. */
    public void add(Delta delta, String chunkFinishReason, Logprobs chunkLogprobs) {
        finishReason = chunkFinishReason != null ? chunkFinishReason : finishReason;
        logprobs = logprobs == null ? chunkLogprobs : logprobs.concat(chunkLogprobs);
        if (delta == null) {
            return;
        }
        role = delta.role() != null ? delta.role() : role;
        if (delta.rawContent() != null) {
            rawContent.append(delta.rawContent());
        }
        if (delta.reasoningField() != null) {
            separateReasoning.append(delta.reasoningField());
        }
        if (delta.refusal() != null) {
            refusal = (refusal == null ? new StringBuilder() : refusal).append(delta.refusal());
        }
        if (delta.toolCalls() != null) {
            delta.toolCalls().forEach(toolCalls::add);
        }
    }

    public String rawContent() {
        return rawContent.toString();
    }

    public String separateReasoning() {
        return separateReasoning.toString();
    }

    public List<ToolCall> toolCalls() {
        return toolCalls.result();
    }

    public String refusal() {
        return refusal == null ? null : refusal.toString();
    }

    public Logprobs logprobs() {
        return logprobs;
    }

    public String role() {
        return role;
    }

    public String finishReason() {
        return finishReason;
    }
}
