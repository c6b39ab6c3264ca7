package dev.replayharness.openai;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;
import dev.replayharness.openai.internal.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * A tool the model may call, an entry of a request's {@code tools}:
 * {@code {"type": "function", "function": {"name": …, "description": …, "parameters": {…}}}}.
 *
 * <pre>{@code
 * Tool weather = Tool.function("get_weather", "Current weather in a city",
 *         Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));
 * }</pre>
 *
 * @param type {@code function}
 * @param function the function's declaration
 * @param extra wire fields this type does not model
 */
public record Tool(
        String type,
        FunctionDefinition function,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Tool {
        extra = Extras.copy(extra);
    }

    /** A function tool that takes no parameters. */
    public static Tool function(String name, String description) {
        return function(name, description, (JsonNode) null);
    }

    /** A function tool with a JSON Schema for its parameters (null for none). */
    public static Tool function(String name, String description, JsonNode parameters) {
        return new Tool(
                "function",
                new FunctionDefinition(Objects.requireNonNull(name, "name"), description, parameters),
                null);
    }

    /**
     * A function tool whose parameter schema is given as maps and lists. Map entries are written
     * in the map's iteration order; use a {@code LinkedHashMap} (or a {@code JsonNode}) when the
     * request bytes must be the same on every run.
     */
    public static Tool function(String name, String description, Map<String, ?> parameters) {
        JsonNode schema = parameters == null ? null : WireJson.MAPPER.valueToTree(parameters);
        return function(name, description, schema);
    }

    /** The function's name, or null when there is no function. */
    public String name() {
        return function == null ? null : function.name();
    }
}
