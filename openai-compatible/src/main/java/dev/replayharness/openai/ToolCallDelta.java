package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One fragment of a streamed tool call, an entry of a delta's {@code tool_calls}. The first
 * fragment of a call carries its {@code id}, {@code type} and function name; later ones, with the
 * same {@code index} and {@code id: null}, carry pieces of the arguments. {@link StreamAccumulator}
 * puts them back together.
 *
 * @param index which call of the message this fragment belongs to
 * @param id the call id, on the first fragment only (some servers repeat it)
 * @param type {@code function}; Bedrock repeats it on every fragment
 * @param function the name (first fragment) and a piece of the arguments
 * @param extra wire fields this type does not model
 */
public record ToolCallDelta(
        Integer index,
        String id,
        String type,
        FunctionCall function,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ToolCallDelta {
        extra = Extras.copy(extra);
    }

    /** A fragment without unmodelled fields. */
    public ToolCallDelta(Integer index, String id, String type, FunctionCall function) {
        this(index, id, type, function, null);
    }
}
