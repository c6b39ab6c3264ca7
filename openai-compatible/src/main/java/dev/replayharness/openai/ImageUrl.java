package dev.replayharness.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;

/**
 * The {@code image_url} of an image content part.
 *
 * @param url an {@code https:} URL or a {@code data:image/…;base64,…} URI
 * @param detail {@code auto}, {@code low} or {@code high}; null leaves it to the server
 * @param extra wire fields this type does not model
 */
public record ImageUrl(
        String url,
        String detail,
        @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) {

    public ImageUrl {
        extra = Extras.copy(extra);
    }
}
