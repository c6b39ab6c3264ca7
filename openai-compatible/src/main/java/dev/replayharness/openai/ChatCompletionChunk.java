package dev.replayharness.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One server-sent event of a streamed chat completion. Every chunk of a stream carries the same
 * id. The usage chunk requested by {@code stream_options.include_usage} has empty
 * {@code choices}. Fields the type does not model (such as OpenAI's chunk-level {@code obfuscation}
 * padding) are kept in {@link #extra()}.
 *
 * @param id the completion id, shared by all chunks
 * @param object always {@code chat.completion.chunk}
 * @param created creation time in epoch seconds
 * @param model the model that answered
 * @param choices the alternatives this chunk advances; empty on the usage chunk, never null
 * @param usage token accounting, on the final usage chunk only
 * @param systemFingerprint backend configuration fingerprint, if sent
 * @param serviceTier service tier, if sent
 * @param extra wire fields this type does not model
 */
public record ChatCompletionChunk(
        String id,
        String object,
        Long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        String systemFingerprint,
        String serviceTier,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ChatCompletionChunk {
        choices = choices == null ? List.of() : List.copyOf(choices);
        extra = Extras.copy(extra);
    }

    /** A chunk without unmodelled fields. */
    public ChatCompletionChunk(
            String id,
            String object,
            Long created,
            String model,
            List<ChunkChoice> choices,
            Usage usage,
            String systemFingerprint,
            String serviceTier) {
        this(id, object, created, model, choices, usage, systemFingerprint, serviceTier, null);
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
