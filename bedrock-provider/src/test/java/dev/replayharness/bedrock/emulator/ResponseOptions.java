package dev.replayharness.bedrock.emulator;

import tools.jackson.databind.JsonNode;

/**
 * What a request asks of the answer's shape, beyond its content.
 *
 * @param logprobs {@code logprobs: true}: each choice carries its tokens' log probabilities
 * @param topLogprobs {@code top_logprobs}: how many alternatives per token (0 without)
 * @param includeUsage {@code stream_options.include_usage}: a last chunk with {@code choices: []} and usage
 * @param obfuscate whether stream chunks carry a random {@code obfuscation} string: on for a stream
 *     with {@code stream_options} (every such stream Bedrock recorded carries one; the older streams
 *     without {@code stream_options} carry none), off with {@code stream_options.include_obfuscation: false}
 * @param serviceTier the {@code service_tier} asked for, echoed in the answer, or null
 */
record ResponseOptions(boolean logprobs, int topLogprobs, boolean includeUsage, boolean obfuscate, String serviceTier) {

    static ResponseOptions of(JsonNode body) {
        JsonNode streamOptions = body.path("stream_options");
        return new ResponseOptions(
                body.path("logprobs").asBoolean(false),
                body.path("top_logprobs").asInt(0),
                streamOptions.path("include_usage").asBoolean(false),
                streamOptions.isObject()
                        && streamOptions.path("include_obfuscation").asBoolean(true),
                body.path("service_tier").isString() ? body.path("service_tier").asString() : null);
    }
}
