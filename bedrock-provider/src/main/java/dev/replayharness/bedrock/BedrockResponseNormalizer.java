package dev.replayharness.bedrock;

import dev.replayharness.core.normalize.ResponseNormalizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response normalizer for recordings of Bedrock's OpenAI-compatible endpoint, so that
 * re-recording an unchanged upstream writes the same bytes:
 * <ul>
 *   <li>{@code id} becomes {@code rec-<key>} and {@code created} 0 ({@link ResponseNormalizer#openAiCompatible()});</li>
 *   <li>{@code obfuscation}, the random padding Bedrock adds to each streamed choice (a different
 *       string on every call, carrying no information), is removed from each choice and from the
 *       top level, so a recording holds what the answer says and nothing that changes per run.</li>
 * </ul>
 * Tool-call ids ({@code chatcmpl-tool-…}) are deliberately kept: the next turn sends them back in
 * its request, so rewriting them in the recording would make that request differ from the one
 * recorded. Needs {@code harness-core} on the class path (an optional dependency of this module).
 *
 * <pre>{@code
 * Harness.builder().namespace("bedrock").responseNormalizer(BedrockResponseNormalizer.create()).build();
 * }</pre>
 */
public final class BedrockResponseNormalizer {

    /** The member Bedrock fills with random padding. */
    public static final String OBFUSCATION = "obfuscation";

    private BedrockResponseNormalizer() {}

    /** Every Bedrock normalization: stable {@code id} and {@code created}, no {@code obfuscation}. */
    public static ResponseNormalizer create() {
        ResponseNormalizer ids = ResponseNormalizer.openAiCompatible();
        ResponseNormalizer obfuscation = withoutObfuscation();
        return (json, key) -> {
            ids.normalize(json, key);
            obfuscation.normalize(json, key);
        };
    }

    /** Only the removal of {@code obfuscation}, at the top level and in each of {@code choices}. */
    public static ResponseNormalizer withoutObfuscation() {
        return (json, key) -> {
            json.remove(OBFUSCATION);
            for (JsonNode choice : json.path("choices")) {
                if (choice instanceof ObjectNode object) {
                    object.remove(OBFUSCATION);
                }
            }
        };
    }
}
