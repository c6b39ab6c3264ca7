package dev.replayharness.openai;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One message of a conversation, as sent in a request or received in a completion.
 *
 * <p>{@link #rawContent()} is exactly what the server sent; {@link #content()} is the answer with
 * any inline reasoning removed and {@link #reasoning()} the reasoning (see {@link ReasoningContent}).
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param rawContent the {@code content} field as sent on the wire
 * @param separateReasoning reasoning the server sent in its own {@code reasoning} or
 *     {@code reasoning_content} field (vLLM, Ollama); null when absent
 */
public record ChatMessage(
        String role,
        @JsonProperty("content") String rawContent,
        @JsonProperty("reasoning") @JsonAlias("reasoning_content") String separateReasoning) {

    /** A message with a role and content and no separate reasoning. */
    public ChatMessage(String role, String content) {
        this(role, content, null);
    }

    /** A {@code system} message (instructions such as a persona). */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", Objects.requireNonNull(content, "content"));
    }

    /** A {@code user} message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", Objects.requireNonNull(content, "content"));
    }

    /** An {@code assistant} message, e.g. an earlier answer replayed as conversation history. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", Objects.requireNonNull(content, "content"));
    }

    /** The answer without reasoning; null only when the server sent no content. */
    public String content() {
        return split().answer();
    }

    /** The reasoning text, several blocks joined; empty when there was none. */
    public String reasoning() {
        return split().reasoning();
    }

    /** This message's content split into reasoning and answer. */
    public ReasoningContent split() {
        return ReasoningContent.split(rawContent, separateReasoning);
    }

    /**
     * This message as history for the next turn: same role, answer only. Models such as gpt-oss
     * are meant to see their earlier answers, not their earlier reasoning.
     */
    public ChatMessage withoutReasoning() {
        return new ChatMessage(role, content(), null);
    }
}
