package dev.replayharness.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code response_format} parameter: {@code {"type": "text"}}, {@code {"type": "json_object"}}
 * or {@code {"type": "json_schema", "json_schema": {"name": …, "schema": {…}, "strict": …}}}.
 *
 * @param type the format's type
 * @param jsonSchema the {@code json_schema} object, for type {@code json_schema}; null otherwise
 * @param extra wire fields this type does not model
 */
public record ResponseFormat(
        String type,
        JsonNode jsonSchema,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ResponseFormat {
        Objects.requireNonNull(type, "type");
        jsonSchema = Extras.copy(jsonSchema);
        extra = Extras.copy(extra);
    }

    /** Plain text (the default). */
    public static ResponseFormat text() {
        return new ResponseFormat("text", null, null);
    }

    /** Any valid JSON object. */
    public static ResponseFormat jsonObject() {
        return new ResponseFormat("json_object", null, null);
    }

    /** JSON following {@code schema}; {@code strict} may be null to leave it to the server. */
    public static ResponseFormat jsonSchema(String name, JsonNode schema, Boolean strict) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("name", Objects.requireNonNull(name, "name"));
        if (schema != null) {
            value.set("schema", schema);
        }
        if (strict != null) {
            value.put("strict", strict);
        }
        return new ResponseFormat("json_schema", value, new LinkedHashMap<>());
    }
}
