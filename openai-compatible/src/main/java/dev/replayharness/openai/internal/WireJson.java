package dev.replayharness.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The one configured mapper for the Chat Completions wire form. */
public final class WireJson {

    /**
     * snake_case names, unset (null) properties omitted, unknown fields ignored. Map values are
     * written even when null: a map is data given as it is (an {@code extraFields} entry, a tool
     * schema given as maps, {@code metadata}), and dropping its JSON nulls changed the request
     * the harness keys recordings by. Jackson 3 sorts properties
     * alphabetically by default; declaration order is turned back on so requests read like the
     * API reference (model, messages, …) and stay stable when fields are added.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(
                    include -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /** The start of a body on one line, for error messages. */
    public static String snippet(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
