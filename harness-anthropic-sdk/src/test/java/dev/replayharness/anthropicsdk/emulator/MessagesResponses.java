package dev.replayharness.anthropicsdk.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Messages API's answer shapes: the message, its event stream, and the error envelope. */
final class MessagesResponses {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private MessagesResponses() {}

    /** {@code {"type":"error","error":{"type":…,"message":…}}}, as the Messages API fails. */
    static String error(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return JSON.writeValueAsString(body);
    }

    static String message(String id, String model, String text, int inputTokens) {
        ObjectNode message = start(id, model, inputTokens, tokens(text));
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.put("stop_reason", "end_turn");
        return JSON.writeValueAsString(message);
    }

    /** The SSE frames of a streamed answer: start, a block of text deltas, a ping, the stop. */
    static List<String> events(String id, String model, String text, int inputTokens) {
        List<String> frames = new ArrayList<>();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.set("message", start(id, model, inputTokens, 1));
        message.putArray("content");
        message.putNull("stop_reason");
        frames.add(frame("message_start", start));
        ObjectNode blockStart =
                JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        frames.add(frame("content_block_start", blockStart));
        frames.add(frame("ping", JSON.createObjectNode().put("type", "ping")));
        for (String delta : MessagesAnswers.deltas(text)) {
            ObjectNode event =
                    JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            event.putObject("delta").put("type", "text_delta").put("text", delta);
            frames.add(frame("content_block_delta", event));
        }
        frames.add(frame(
                "content_block_stop",
                JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", tokens(text));
        frames.add(frame("message_delta", messageDelta));
        frames.add(frame("message_stop", JSON.createObjectNode().put("type", "message_stop")));
        return frames;
    }

    private static ObjectNode start(String id, String model, int inputTokens, int outputTokens) {
        ObjectNode message = JSON.createObjectNode()
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return message;
    }

    private static String frame(String event, ObjectNode data) {
        return "event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    }

    /** A stable stand-in for a token count: one per word. */
    static int tokens(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
