package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * Token accounting of one completion. Fields are boxed because servers omit them at will.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens generated, reasoning included
 * @param totalTokens the sum
 * @param promptTokensDetails breakdown of the prompt tokens (e.g. {@code cached_tokens}); null when not sent
 * @param completionTokensDetails breakdown of the generated tokens (e.g. {@code reasoning_tokens}); null when not sent
 * @param extra wire fields this type does not model
 */
public record Usage(
        Integer promptTokens,
        Integer completionTokens,
        Integer totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Usage {
        extra = Extras.copy(extra);
    }

    /** The three totals, without details. */
    public Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
        this(promptTokens, completionTokens, totalTokens, null, null, null);
    }

    /** Prompt tokens served from the prompt cache; null when not reported. */
    public Integer cachedTokens() {
        return promptTokensDetails == null ? null : promptTokensDetails.cachedTokens();
    }

    /**
     * {@code usage.prompt_tokens_details}.
     *
     * @param cachedTokens prompt tokens served from the cache
     * @param audioTokens audio input tokens
     * @param extra wire fields this type does not model
     */
    public record PromptTokensDetails(
            Integer cachedTokens,
            Integer audioTokens,
            @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

        public PromptTokensDetails {
            extra = Extras.copy(extra);
        }
    }

    /**
     * {@code usage.completion_tokens_details}.
     *
     * @param reasoningTokens tokens spent on reasoning
     * @param audioTokens audio output tokens
     * @param acceptedPredictionTokens predicted-output tokens that appeared in the completion
     * @param rejectedPredictionTokens predicted-output tokens that did not
     * @param extra wire fields this type does not model
     */
    public record CompletionTokensDetails(
            Integer reasoningTokens,
            Integer audioTokens,
            Integer acceptedPredictionTokens,
            Integer rejectedPredictionTokens,
            @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

        public CompletionTokensDetails {
            extra = Extras.copy(extra);
        }
    }
}
