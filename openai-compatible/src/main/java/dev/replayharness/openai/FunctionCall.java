package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * The {@code function} of a tool call: which function the model calls and with what arguments.
 * In a stream fragment ({@link ToolCallDelta}) either field may be null or a piece of the whole.
 *
 * @param name the function's name
 * @param arguments the arguments as a JSON text, exactly as the model wrote it (it may not be valid JSON)
 * @param extra wire fields this type does not model, kept and written back as they were
 */
public record FunctionCall(
        String name,
        String arguments,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public FunctionCall {
        extra = Extras.copy(extra);
    }

    /** A call of {@code name} with {@code arguments} (a JSON text). */
    public FunctionCall(String name, String arguments) {
        this(name, arguments, null);
    }
}
