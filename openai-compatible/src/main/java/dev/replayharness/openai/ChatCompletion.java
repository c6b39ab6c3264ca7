package dev.replayharness.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * A non-streamed chat completion. Fields the type does not model are kept in {@link #extra()}.
 *
 * <p>The convenience accessors read the first choice, which is the only one unless the request
 * asked for {@code n > 1}.
 *
 * @param id the server's completion id
 * @param object always {@code chat.completion}
 * @param created creation time in epoch seconds
 * @param model the model that answered, as the server names it
 * @param choices the alternatives; never null
 * @param usage token accounting; may be null
 * @param systemFingerprint backend configuration fingerprint, if sent
 * @param serviceTier service tier, if sent
 * @param extra wire fields this type does not model
 */
public record ChatCompletion(
        String id,
        String object,
        Long created,
        String model,
        List<Choice> choices,
        Usage usage,
        String systemFingerprint,
        String serviceTier,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ChatCompletion {
        choices = choices == null ? List.of() : List.copyOf(choices);
        extra = Extras.copy(extra);
    }

    /** A completion without unmodelled fields. */
    public ChatCompletion(
            String id,
            String object,
            Long created,
            String model,
            List<Choice> choices,
            Usage usage,
            String systemFingerprint,
            String serviceTier) {
        this(id, object, created, model, choices, usage, systemFingerprint, serviceTier, null);
    }

    /** The first choice's message; fails with a clear message when the server sent no choice. */
    public ChatMessage message() {
        return firstChoice().message();
    }

    /** The answer without reasoning. */
    public String content() {
        return message().content();
    }

    /** The reasoning; empty when there was none. */
    public String reasoning() {
        return message().reasoning();
    }

    /** The content exactly as the server sent it, reasoning tags included. */
    public String rawContent() {
        return message().rawContent();
    }

    /** The tool calls of the first choice's message; empty when it calls none. */
    public List<ToolCall> toolCalls() {
        List<ToolCall> calls = message().toolCalls();
        return calls == null ? List.of() : calls;
    }

    /** Why generation stopped, e.g. {@code stop}, {@code length} or {@code tool_calls}. */
    public String finishReason() {
        return firstChoice().finishReason();
    }

    private Choice firstChoice() {
        if (choices.isEmpty() || choices.get(0).message() == null) {
            throw new OpenAiProtocolException("chat completion " + id
                    + " has no choice with a message; the server answered 2xx without an answer");
        }
        return choices.get(0);
    }
}
