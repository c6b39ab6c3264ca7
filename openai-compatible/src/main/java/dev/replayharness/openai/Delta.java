package dev.replayharness.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * The increment one stream chunk adds to a message. The first delta of a stream usually carries
 * only the role (and empty content); the last may be empty.
 *
 * @param role the role, on the first delta only
 * @param rawContent the {@code content} field as sent; may be null or empty
 * @param separateReasoning a {@code reasoning} field, when the server streams reasoning separately
 *     (a {@code reasoning_content} field stays in {@link #extra()}; {@link #reasoningField()} reads either)
 * @param refusal a piece of the refusal message
 * @param toolCalls tool-call fragments; null when the delta has none
 * @param extra wire fields this type does not model
 */
public record Delta(
        String role,
        @JsonProperty("content") String rawContent,
        @JsonProperty("reasoning") String separateReasoning,
        String refusal,
        List<ToolCallDelta> toolCalls,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Delta {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
        extra = Extras.copy(extra);
    }

    /** A content delta without tool calls. */
    public Delta(String role, String rawContent, String separateReasoning) {
        this(role, rawContent, separateReasoning, null, null, null);
    }

    /** This delta's answer text without inline reasoning; null when the delta has no content. */
    public String content() {
        return ReasoningContent.split(rawContent, reasoningField()).answer();
    }

    /** This delta's reasoning text; empty when none. */
    public String reasoning() {
        return ReasoningContent.split(rawContent, reasoningField()).reasoning();
    }

    /** The separate reasoning piece: {@code reasoning}, else {@code reasoning_content}; null when neither was sent. */
    public String reasoningField() {
        return ReasoningField.of(separateReasoning, extra);
    }
}
