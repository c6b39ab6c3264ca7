package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One alternative inside a stream chunk. Bedrock adds a random {@code obfuscation} string to each;
 * it is kept in {@link #extra()}.
 *
 * @param index position among the alternatives
 * @param delta what this chunk adds; servers may send an empty or absent delta
 * @param finishReason set on the chunk that ends the alternative (the last content chunk or a
 *     final empty one, depending on the server), null before
 * @param logprobs the log probabilities of the tokens this chunk adds, when asked for
 * @param extra wire fields this type does not model
 */
public record ChunkChoice(
        Integer index,
        Delta delta,
        String finishReason,
        Logprobs logprobs,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ChunkChoice {
        extra = Extras.copy(extra);
    }

    /** A chunk choice without logprobs or unmodelled fields. */
    public ChunkChoice(Integer index, Delta delta, String finishReason) {
        this(index, delta, finishReason, null, null);
    }
}
