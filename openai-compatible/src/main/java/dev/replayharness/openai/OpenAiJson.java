package dev.replayharness.openai;

import dev.replayharness.openai.internal.WireJson;

import tools.jackson.core.JacksonException;

/**
 * Reads and writes the wire types in their snake_case JSON form, the same way the client does.
 * Useful to turn recorded bodies back into {@link ChatCompletion}s or chunks.
 */
public final class OpenAiJson {

    private OpenAiJson() {}

    /** The wire form of a request or any other wire type: snake_case, nulls omitted. */
    public static String write(Object value) {
        try {
            return WireJson.MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A non-streamed completion body. */
    public static ChatCompletion readCompletion(String json) {
        return read(json, ChatCompletion.class);
    }

    /** The JSON of one stream chunk (the text after {@code data:}). */
    public static ChatCompletionChunk readChunk(String json) {
        return read(json, ChatCompletionChunk.class);
    }

    /** A request body. */
    public static ChatCompletionRequest readRequest(String json) {
        return read(json, ChatCompletionRequest.class);
    }

    /**
     * Any wire type.
     *
     * @throws OpenAiProtocolException if the text is not JSON of that shape; the message names the
     *     type and quotes the start of the text
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return WireJson.MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new OpenAiProtocolException(
                    "expected a " + type.getSimpleName() + " as JSON but could not read it (" + e.getOriginalMessage()
                            + "); text starts: " + WireJson.snippet(json),
                    e);
        }
    }
}
