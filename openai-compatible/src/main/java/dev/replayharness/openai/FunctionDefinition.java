package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * A function the model may call, as declared in a request's {@code tools}.
 *
 * @param name the function name the model calls it by
 * @param description what it does, for the model; may be null
 * @param parameters its arguments as a JSON Schema object; may be null
 * @param strict whether the arguments must follow the schema exactly; null leaves it to the server
 * @param extra wire fields this type does not model
 */
public record FunctionDefinition(
        String name,
        String description,
        JsonNode parameters,
        Boolean strict,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public FunctionDefinition {
        parameters = Extras.copy(parameters);
        extra = Extras.copy(extra);
    }

    /** A definition without {@code strict} or unmodelled fields. */
    public FunctionDefinition(String name, String description, JsonNode parameters) {
        this(name, description, parameters, null, null);
    }
}
