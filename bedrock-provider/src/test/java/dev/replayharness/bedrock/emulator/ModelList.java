package dev.replayharness.bedrock.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /openai/v1/models}: an OpenAI-style list, {@code {"object":"list","data":[{"id",
 * "created","object":"model","owned_by":"system"}, …]}}, shaped like the one Bedrock answered in
 * us-west-2 (there 37 models; here a fixed handful, the two gpt-oss models among them). As in
 * Bedrock's list, the ids carry no {@code -1:0} version suffix, although chat requests name
 * {@code openai.gpt-oss-20b-1:0}.
 */
final class ModelList {

    private static final String[][] MODELS = {
        {"openai.gpt-oss-20b", "1764460800"},
        {"openai.gpt-oss-120b", "1764460800"},
        {"qwen.qwen3-coder-30b-a3b-instruct", "1764460800"},
        {"deepseek.v3.1", "1764460800"},
        {"mistral.magistral-small-2509", "1764460800"},
        {"google.gemma-3-12b-it", "1764460800"},
    };

    private ModelList() {}

    static String body() {
        ObjectNode root = EmulatorJson.MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String[] model : MODELS) {
            data.addObject()
                    .put("id", model[0])
                    .put("created", Long.parseLong(model[1]))
                    .put("object", "model")
                    .put("owned_by", "system");
        }
        return EmulatorJson.MAPPER.writeValueAsString(root);
    }
}
