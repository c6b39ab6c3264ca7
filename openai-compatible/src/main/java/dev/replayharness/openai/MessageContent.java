package dev.replayharness.openai;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A message's {@code content}, which the wire allows as one string or as a list of parts
 * ({@code text}, {@code image_url}, …). The form is kept, so a message is sent back as it was
 * built or read.
 */
@JsonDeserialize(using = dev.replayharness.openai.internal.MessageContentDeserializer.class)
public sealed interface MessageContent {

    /** {@code "content": "text"}. */
    static MessageContent of(String text) {
        return new Text(text);
    }

    /** {@code "content": [parts…]}. */
    static MessageContent of(List<ContentPart> parts) {
        return new Parts(parts);
    }

    /** The text: the string itself, or the text parts joined without separator. */
    String text();

    /**
     * Content given as a string.
     *
     * @param text the string
     */
    record Text(@JsonValue String text) implements MessageContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Content given as a list of parts.
     *
     * @param parts the parts, in order
     */
    record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {
        public Parts {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream()
                    .filter(ContentPart.TextPart.class::isInstance)
                    .map(part -> ((ContentPart.TextPart) part).text())
                    .collect(Collectors.joining());
        }
    }
}
