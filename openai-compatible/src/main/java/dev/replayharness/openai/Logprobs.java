package dev.replayharness.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * The {@code logprobs} of a choice (sent when the request had {@code logprobs: true}). In a
 * stream each chunk carries the tokens it adds; {@link #concat(Logprobs)} joins them.
 *
 * @param content one entry per generated content token; null when the server sent none
 * @param refusal one entry per refusal token; null when the server sent none
 * @param extra wire fields this type does not model
 */
public record Logprobs(
        List<TokenLogprob> content,
        List<TokenLogprob> refusal,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Logprobs {
        content = content == null ? null : List.copyOf(content);
        refusal = refusal == null ? null : List.copyOf(refusal);
        extra = Extras.copy(extra);
    }

    /** These tokens followed by {@code next}'s; a null {@code next} gives this. Extra fields: first seen wins. */
    public Logprobs concat(Logprobs next) {
        if (next == null) {
            return this;
        }
        Map<String, JsonNode> joinedExtra = new java.util.LinkedHashMap<>(extra);
        next.extra.forEach(joinedExtra::putIfAbsent);
        return new Logprobs(join(content, next.content), join(refusal, next.refusal), joinedExtra);
    }

    private static List<TokenLogprob> join(List<TokenLogprob> first, List<TokenLogprob> second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        List<TokenLogprob> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
