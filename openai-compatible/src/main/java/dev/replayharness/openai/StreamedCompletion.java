package dev.replayharness.openai;

import java.util.List;

/**
 * A streamed completion put back together: what the chunks of the first choice add up to.
 *
 * @param id the completion id
 * @param model the model that answered
 * @param role the role from the first delta, normally {@code assistant}
 * @param rawContent all content deltas concatenated, exactly as sent
 * @param reasoning the reasoning in {@code rawContent} (and any separate reasoning fields)
 * @param content the answer without reasoning
 * @param finishReason the last finish reason sent (e.g. {@code stop}, {@code tool_calls}), or null
 *     if the stream ended without one
 * @param usage the usage chunk's numbers (details included), or null when none was sent
 * @param chunkCount how many chunks were read
 * @param toolCalls the tool calls, merged from their fragments; empty when there were none
 * @param refusal the refusal deltas concatenated, or null when there were none
 * @param logprobs the chunks' logprobs concatenated, or null when none were sent
 * @param created creation time in epoch seconds, as the chunks said
 * @param systemFingerprint backend configuration fingerprint, if sent
 * @param serviceTier service tier, if sent
 */
public record StreamedCompletion(
        String id,
        String model,
        String role,
        String rawContent,
        String reasoning,
        String content,
        String finishReason,
        Usage usage,
        int chunkCount,
        List<ToolCall> toolCalls,
        String refusal,
        Logprobs logprobs,
        Long created,
        String systemFingerprint,
        String serviceTier) {

    public StreamedCompletion {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** True when the model called at least one tool. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** The same answer in the shape of a non-streamed completion. */
    public ChatCompletion toChatCompletion() {
        MessageContent text = rawContent.isEmpty() && hasToolCalls() ? null : MessageContent.of(rawContent);
        ChatMessage message = new ChatMessage(
                role == null ? "assistant" : role,
                text,
                null,
                null,
                refusal,
                hasToolCalls() ? toolCalls : null,
                null,
                null);
        return new ChatCompletion(
                id,
                "chat.completion",
                created,
                model,
                List.of(new Choice(0, message, finishReason, logprobs, null)),
                usage,
                systemFingerprint,
                serviceTier);
    }
}
