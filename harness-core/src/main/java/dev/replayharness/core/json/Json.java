package dev.replayharness.core.json;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration the harness uses. Numbers keep their spelling (0.70 stays 0.70),
 * duplicate keys are rejected, object keys keep their order.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{"a":1}\n{"a":2}" is text, not the JSON {"a":1}
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Prebuilt: MAPPER.writeValueAsBytes configures a writer on every call, a tenth of a replay. */
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private static final ObjectWriter PRETTY =
            MAPPER.writerWithDefaultPrettyPrinter().with(prettyPrinter());

    private Json() {}

    /** Two-space indent, {@code "name": value}, one array element per line, LF line ends. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Parses JSON, or empty when the bytes are not exactly one complete JSON value (trailing content included). */
    public static Optional<JsonNode> tryParse(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Compact JSON, keys in their stored order. */
    public static byte[] compact(JsonNode node) {
        return COMPACT.writeValueAsBytes(node);
    }

    /** Pretty-printed JSON with a trailing newline: the recording file layout. */
    public static String pretty(JsonNode node) {
        return PRETTY.writeValueAsString(node) + "\n";
    }
}
