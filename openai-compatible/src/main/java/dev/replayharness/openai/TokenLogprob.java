package dev.replayharness.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * The log probability of one generated token, and of the most likely alternatives when
 * {@code top_logprobs} was asked for. The same shape serves the alternatives themselves (their
 * {@code topLogprobs} is null).
 *
 * @param token the token text
 * @param logprob its log probability
 * @param bytes the token's UTF-8 bytes; null when the server sends none
 * @param topLogprobs the most likely tokens at this position; null or empty when not asked for
 * @param extra wire fields this type does not model
 */
public record TokenLogprob(
        String token,
        Double logprob,
        List<Integer> bytes,
        List<TokenLogprob> topLogprobs,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public TokenLogprob {
        bytes = bytes == null ? null : List.copyOf(bytes);
        topLogprobs = topLogprobs == null ? null : List.copyOf(topLogprobs);
        extra = Extras.copy(extra);
    }
}
