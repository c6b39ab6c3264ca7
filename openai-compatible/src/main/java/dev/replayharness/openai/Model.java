package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /models}.
 *
 * @param id the model id, as requests name it
 * @param object always {@code model}
 * @param created when the model was made available, in epoch seconds
 * @param ownedBy the organization that owns it (Bedrock says {@code system})
 * @param extra wire fields this type does not model
 */
public record Model(
        String id,
        String object,
        Long created,
        String ownedBy,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public Model {
        extra = Extras.copy(extra);
    }
}
