package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One alternative of a non-streamed completion.
 *
 * @param index position among the alternatives (0 unless {@code n > 1})
 * @param message the generated message
 * @param finishReason why generation stopped: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}, …
 * @param logprobs token log probabilities, when the request asked for them
 * @param extra wire fields this type does not model
 */
public record Choice(
        Integer index,
        ChatMessage message,
        String finishReason,
        Logprobs logprobs,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Choice {
        extra = Extras.copy(extra);
    }

    /** A choice without logprobs or unmodelled fields. */
    public Choice(Integer index, ChatMessage message, String finishReason) {
        this(index, message, finishReason, null, null);
    }
}
