package dev.replayharness.openai;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * A whole tool call the model made, as in an assistant message's {@code tool_calls}. Answer it
 * with {@link ChatMessage#tool(String, String)} carrying the same {@link #id()}.
 *
 * <p>Fields this type does not model (e.g. the {@code index} that a history copied from a stream
 * may carry) stay in {@link #extra()} and are sent back as they were.
 *
 * @param id the call's id, which the tool result names in {@code tool_call_id}
 * @param type {@code function}
 * @param function the function and its arguments
 * @param extra wire fields this type does not model
 */
public record ToolCall(
        String id,
        String type,
        FunctionCall function,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ToolCall {
        extra = Extras.copy(extra);
    }

    /** A {@code function} tool call. */
    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(Objects.requireNonNull(id, "id"), "function", new FunctionCall(name, arguments), null);
    }

    /** The function's name, or null when there is no function. */
    public String name() {
        return function == null ? null : function.name();
    }

    /** The arguments as a JSON text, or null. */
    public String arguments() {
        return function == null ? null : function.arguments();
    }
}
