package dev.replayharness.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.replayharness.openai.internal.WireJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code tool_choice} parameter: a mode ({@code "auto"}, {@code "none"}, {@code "required"}),
 * one named function, or any other JSON the server understands, kept as it is.
 */
@JsonDeserialize(using = dev.replayharness.openai.internal.ToolChoiceDeserializer.class)
public sealed interface ToolChoice {

    /** The model decides whether to call a tool. */
    static ToolChoice auto() {
        return new Mode("auto");
    }

    /** The model must not call a tool. */
    static ToolChoice none() {
        return new Mode("none");
    }

    /** The model must call at least one tool. */
    static ToolChoice required() {
        return new Mode("required");
    }

    /** The model must call the function {@code name}. */
    static ToolChoice function(String name) {
        return new Function(name);
    }

    /**
     * {@code "auto"}, {@code "none"}, {@code "required"} or another mode string.
     *
     * @param mode the string sent
     */
    record Mode(@JsonValue String mode) implements ToolChoice {
        public Mode {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * {@code {"type": "function", "function": {"name": …}}}.
     *
     * @param name the function the model must call
     */
    record Function(String name) implements ToolChoice {
        public Function {
            Objects.requireNonNull(name, "name");
        }

        @JsonValue
        Map<String, Object> wireValue() {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "function");
            value.put("function", Map.of("name", name));
            return value;
        }
    }

    /**
     * Any other form (e.g. {@code allowed_tools}), sent exactly as given.
     *
     * @param json the value
     */
    record Other(@JsonValue JsonNode json) implements ToolChoice {
        public Other {
            json = Objects.requireNonNull(json, "json").deepCopy();
        }

        /** The value as compact JSON. */
        @Override
        public String toString() {
            return "Other[" + WireJson.MAPPER.writeValueAsString(json) + "]";
        }
    }
}
