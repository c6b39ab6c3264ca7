package dev.replayharness.openai;

import java.util.List;

/**
 * One server-sent event of a streamed chat completion. Every chunk of a stream carries the same
 * id. The usage chunk requested by {@code stream_options.include_usage} has empty
 * {@code choices}; fields such as OpenAI's {@code obfuscation} padding are ignored.
 *
 * @param id the completion id, shared by all chunks
 * @param object always {@code chat.completion.chunk}
 * @param created creation time in epoch seconds
 * @param model the model that answered
 * @param choices the alternatives this chunk advances; empty on the usage chunk, never null
 * @param usage token accounting, on the final usage chunk only
 * @param systemFingerprint backend configuration fingerprint, if sent
 * @param serviceTier service tier, if sent
 */
public record ChatCompletionChunk(
        String id,
        String object,
        Long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        String systemFingerprint,
        String serviceTier) {

    public ChatCompletionChunk {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The raw content this chunk adds to the first choice; empty when it adds none. */
    public String rawContentDelta() {
        Delta delta = firstDelta();
        return delta == null || delta.rawContent() == null ? "" : delta.rawContent();
    }

    /** The finish reason on the first choice, or null. */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    private Delta firstDelta() {
        return choices.isEmpty() ? null : choices.get(0).delta();
    }
}
