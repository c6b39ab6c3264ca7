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
 * @param finishReason the last finish reason sent, or null if the stream ended without one
 * @param usage the usage chunk's numbers, or null when none was sent
 * @param chunkCount how many chunks were read
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
        int chunkCount) {

    /** The same answer in the shape of a non-streamed completion. */
    public ChatCompletion toChatCompletion() {
        ChatMessage message = new ChatMessage(role == null ? "assistant" : role, rawContent);
        return new ChatCompletion(id, "chat.completion", null, model,
                List.of(new Choice(0, message, finishReason)), usage, null, null);
    }
}
