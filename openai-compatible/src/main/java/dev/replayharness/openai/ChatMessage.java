package dev.replayharness.openai;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One message of a conversation, as sent in a request or received in a completion.
 *
 * <p>{@link #rawContent()} is the text exactly as the server sent it; {@link #content()} is the
 * answer with any inline reasoning removed and {@link #reasoning()} the reasoning (see
 * {@link ReasoningContent}). Fields this type does not model stay in {@link #extra()}, so a message
 * taken from a response goes back into the history as it came.
 *
 * <pre>{@code
 * ChatMessage.user("What is the boiling point of water?");
 * ChatMessage.user(ContentPart.text("Describe this image"), ContentPart.imageUrl("https://…/cat.jpg"));
 * ChatMessage.assistant(null, List.of(ToolCall.function("call_1", "get_boiling_point", "{\"liquid\":\"water\"}")));
 * ChatMessage.tool("call_1", "100");
 * }</pre>
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param messageContent the {@code content}: a string or a list of parts; null when absent (an
 *     assistant message that only calls tools)
 * @param name an optional participant name
 * @param separateReasoning reasoning the server sent in its own {@code reasoning} field (vLLM, Ollama);
 *     null when absent. A {@code reasoning_content} field (older vLLM) stays in {@link #extra()} under
 *     its own name, so it is sent back as it came; {@link #reasoningField()} reads either
 * @param refusal the model's refusal message, if it refused
 * @param toolCalls the tools an assistant message calls; null when none
 * @param toolCallId on a {@code tool} message, the id of the call it answers
 * @param extra wire fields this type does not model, kept and written back as they were
 */
public record ChatMessage(
        String role,
        @JsonProperty("content") MessageContent messageContent,
        String name,
        @JsonProperty("reasoning") String separateReasoning,
        String refusal,
        List<ToolCall> toolCalls,
        String toolCallId,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ChatMessage {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
        extra = Extras.copy(extra);
    }

    /** A message with a role and text content (null for none). */
    public ChatMessage(String role, String content) {
        this(role, content == null ? null : MessageContent.of(content), null, null, null, null, null, null);
    }

    /** A {@code system} message (instructions such as a persona). */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", Objects.requireNonNull(content, "content"));
    }

    /** A {@code developer} message (OpenAI's newer name for instructions). */
    public static ChatMessage developer(String content) {
        return new ChatMessage("developer", Objects.requireNonNull(content, "content"));
    }

    /** A {@code user} message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", Objects.requireNonNull(content, "content"));
    }

    /** A {@code user} message of several parts, e.g. text and an image. */
    public static ChatMessage user(ContentPart... parts) {
        return user(List.of(parts));
    }

    /** A {@code user} message of several parts, e.g. text and an image. */
    public static ChatMessage user(List<ContentPart> parts) {
        return new ChatMessage("user", MessageContent.of(parts), null, null, null, null, null, null);
    }

    /** An {@code assistant} message, e.g. an earlier answer replayed as conversation history. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", Objects.requireNonNull(content, "content"));
    }

    /** An {@code assistant} message that calls tools; {@code content} may be null. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(
                "assistant",
                content == null ? null : MessageContent.of(content),
                null,
                null,
                null,
                Objects.requireNonNull(toolCalls, "toolCalls"),
                null,
                null);
    }

    /** A {@code tool} message: the result of the call {@code toolCallId}. */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage(
                "tool",
                MessageContent.of(Objects.requireNonNull(content, "content")),
                null,
                null,
                null,
                null,
                Objects.requireNonNull(toolCallId, "toolCallId"),
                null);
    }

    /** A {@code tool} message whose result is given as parts. */
    public static ChatMessage tool(String toolCallId, List<ContentPart> parts) {
        return new ChatMessage(
                "tool",
                MessageContent.of(parts),
                null,
                null,
                null,
                null,
                Objects.requireNonNull(toolCallId, "toolCallId"),
                null);
    }

    /** The content's text as sent (text parts joined); null when there is no content. */
    public String rawContent() {
        return messageContent == null ? null : messageContent.text();
    }

    /** The answer without reasoning; null only when there is no content. */
    public String content() {
        return split().answer();
    }

    /** The reasoning text, several blocks joined; empty when there was none. */
    public String reasoning() {
        return split().reasoning();
    }

    /** This message's content split into reasoning and answer. */
    public ReasoningContent split() {
        return ReasoningContent.split(rawContent(), reasoningField());
    }

    /** The separate reasoning field: {@code reasoning}, else {@code reasoning_content}; null when neither was sent. */
    public String reasoningField() {
        return ReasoningField.of(separateReasoning, extra);
    }

    /** The content's parts; a string content is one text part, no content none. */
    public List<ContentPart> parts() {
        if (messageContent instanceof MessageContent.Parts parts) {
            return parts.parts();
        }
        return messageContent == null ? List.of() : List.of(ContentPart.text(messageContent.text()));
    }

    /** True when this message calls at least one tool. */
    public boolean hasToolCalls() {
        return toolCalls != null && !toolCalls.isEmpty();
    }

    /**
     * This message as history for the next turn without its inline reasoning; every other field is
     * kept. Content given as parts is left as it is.
     */
    public ChatMessage withoutReasoning() {
        MessageContent answer = messageContent instanceof MessageContent.Text text
                ? MessageContent.of(ReasoningContent.split(text.text()).answer())
                : messageContent;
        return new ChatMessage(role, answer, name, null, refusal, toolCalls, toolCallId, extra);
    }
}
