package dev.replayharness.server.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's JSON mapper, and request-body parsing with errors a client can act on. */
public final class ServerJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ServerJson() {}

    /**
     * Parses a request body.
     *
     * @throws ApiError 400 naming the line and column of the first syntax error
     */
    public static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            throw ApiError.invalidRequest(
                    null,
                    "The request body is empty; send a JSON object such as"
                            + " {\"model\": \"bedrock/openai.gpt-oss-20b-1:0\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}.");
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiError.invalidRequest(null, "The request body holds no JSON value; send a JSON object.");
            }
            return tree;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiError.invalidRequest(
                    null,
                    "The request body is not valid JSON" + where + ": " + plain(e.getOriginalMessage())
                            + ". Send a JSON object (check quotes, commas and brackets).");
        }
    }

    /** Jackson's reason without its internals: the source description, byte offsets and character codes. */
    static String plain(String reason) {
        String text = reason == null ? "unreadable" : reason;
        return text.replaceAll("\\s*\\(for (\\w+) starting at \\[Source:[^\\]]*\\]\\)", " to close the $1")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(" \\(code -?\\d+\\)", "")
                .replace(" to close the Array", " to close the list")
                .replace(" to close the Object", " to close the object")
                .strip();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
