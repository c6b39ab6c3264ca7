package dev.replayharness.openai;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.replayharness.openai.internal.Extras;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One part of a message whose content is a list of parts: text, an image, or another kind of part
 * (audio, file, …) kept as the JSON it was.
 */
@JsonDeserialize(using = dev.replayharness.openai.internal.ContentPartDeserializer.class)
public sealed interface ContentPart {

    /** A {@code text} part. */
    static ContentPart text(String text) {
        return new TextPart(text, null);
    }

    /** An {@code image_url} part with no {@code detail}. */
    static ContentPart imageUrl(String url) {
        return new ImagePart(new ImageUrl(Objects.requireNonNull(url, "url"), null, null), null);
    }

    /** The part's {@code type}, e.g. {@code text} or {@code image_url}. */
    String type();

    /**
     * {@code {"type": "text", "text": …}}.
     *
     * @param text the text
     * @param extra wire fields this type does not model
     */
    @JsonPropertyOrder({"type", "text"})
    record TextPart(
            String text, @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) implements ContentPart {
        public TextPart {
            Objects.requireNonNull(text, "text");
            extra = Extras.copy(extra);
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "text";
        }
    }

    /**
     * {@code {"type": "image_url", "image_url": {"url": …, "detail": …}}}.
     *
     * @param imageUrl where the image is
     * @param extra wire fields this type does not model
     */
    @JsonPropertyOrder({"type", "image_url"})
    record ImagePart(
            ImageUrl imageUrl, @JsonAnyGetter @JsonAnySetter Map<String, JsonNode> extra) implements ContentPart {
        public ImagePart {
            Objects.requireNonNull(imageUrl, "imageUrl");
            extra = Extras.copy(extra);
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "image_url";
        }
    }

    /**
     * A part of another type (or a text or image part of an unexpected shape), sent exactly as given.
     *
     * @param json the part's JSON object
     */
    record OtherPart(@JsonValue JsonNode json) implements ContentPart {
        public OtherPart {
            json = Objects.requireNonNull(json, "json").deepCopy();
        }

        @Override
        public String type() {
            return json.path("type").asString(null);
        }
    }
}
