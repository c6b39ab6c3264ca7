package dev.replayharness.openai;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The increment one stream chunk adds to a message. The first delta of a stream usually carries
 * only the role (and empty content); the last may be empty.
 *
 * @param role the role, on the first delta only
 * @param rawContent the {@code content} field as sent; may be null or empty
 * @param separateReasoning a {@code reasoning} / {@code reasoning_content} field, when the server
 *     streams reasoning separately
 */
public record Delta(
        String role,
        @JsonProperty("content") String rawContent,
        @JsonProperty("reasoning") @JsonAlias("reasoning_content") String separateReasoning) {

    /** This delta's answer text without inline reasoning; null when the delta has no content. */
    public String content() {
        return ReasoningContent.split(rawContent, separateReasoning).answer();
    }

    /** This delta's reasoning text; empty when none. */
    public String reasoning() {
        return ReasoningContent.split(rawContent, separateReasoning).reasoning();
    }
}
