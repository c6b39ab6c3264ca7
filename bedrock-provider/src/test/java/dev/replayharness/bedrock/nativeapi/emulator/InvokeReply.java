package dev.replayharness.bedrock.nativeapi.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * InvokeModel's answer for gpt-oss, which speaks chat completions in the body: a {@code chat.completion} whose content
 * holds the reasoning in {@code <reasoning>} tags, or for the stream {@code chunk} events whose {@code bytes} are the
 * base64 of {@code chat.completion.chunk} JSON, the last one with {@code amazon-bedrock-invocationMetrics}.
 */
final class InvokeReply {

    private InvokeReply() {}

    static String json(String id, String model, NativeAnswer answer, int inputTokens) {
        ObjectNode root = header(id, model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", "<reasoning>" + answer.reasoning() + "</reasoning>" + answer.text());
        choice.put("finish_reason", "stop");
        int output = ConverseReply.outputTokens(answer);
        root.putObject("usage")
                .put("prompt_tokens", inputTokens)
                .put("completion_tokens", output)
                .put("total_tokens", inputTokens + output);
        return root.toString();
    }

    /** The {@code chunk} events' payloads: {@code {"bytes": base64 of a chunk}}. */
    static List<ObjectNode> chunks(String id, String model, NativeAnswer answer, int inputTokens, long latencyMs) {
        List<String> pieces = new ArrayList<>();
        pieces.add("<reasoning>" + answer.reasoning() + "</reasoning>");
        pieces.addAll(NativeAnswer.deltas(answer.text()));
        List<ObjectNode> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            ObjectNode chunk = header(id, model, "chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", pieces.get(i));
            boolean last = i == pieces.size() - 1;
            if (last) {
                choice.put("finish_reason", "stop");
                chunk.putObject("amazon-bedrock-invocationMetrics")
                        .put("inputTokenCount", inputTokens)
                        .put("outputTokenCount", ConverseReply.outputTokens(answer))
                        .put("invocationLatency", latencyMs)
                        .put("firstByteLatency", latencyMs);
            } else {
                choice.putNull("finish_reason");
            }
            byte[] json = chunk.toString().getBytes(StandardCharsets.UTF_8);
            chunks.add(NativeJson.MAPPER
                    .createObjectNode()
                    .put("bytes", Base64.getEncoder().encodeToString(json)));
        }
        return chunks;
    }

    private static ObjectNode header(String id, String model, String object) {
        return NativeJson.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", NativeJson.CREATED)
                .put("model", model);
    }
}
