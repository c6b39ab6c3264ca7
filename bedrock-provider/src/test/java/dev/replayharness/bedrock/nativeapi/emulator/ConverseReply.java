package dev.replayharness.bedrock.nativeapi.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converse's answer in both forms: the JSON of {@code /converse} and the events of {@code /converse-stream}
 * ({@code messageStart}, per content block its deltas and {@code contentBlockStop} — a {@code contentBlockStart}
 * first for tool use — then {@code messageStop} and {@code metadata}).
 */
final class ConverseReply {
    /** One stream event before framing. */
    record Event(String type, ObjectNode payload) {}

    private ConverseReply() {}

    static String json(NativeAnswer answer, int inputTokens, long latencyMs) {
        ObjectNode root = NativeJson.MAPPER.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        content.addObject()
                .putObject("reasoningContent")
                .putObject("reasoningText")
                .put("text", answer.reasoning());
        if (answer.toolUse() != null) {
            content.addObject()
                    .putObject("toolUse")
                    .put("toolUseId", answer.toolUse().id())
                    .put("name", answer.toolUse().name())
                    .set("input", answer.toolUse().input());
        } else {
            content.addObject().put("text", answer.text());
        }
        root.put("stopReason", answer.stopReason());
        usage(root, answer, inputTokens);
        root.putObject("metrics").put("latencyMs", latencyMs);
        return root.toString();
    }

    static List<Event> events(NativeAnswer answer, int inputTokens, long latencyMs) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("messageStart", object().put("role", "assistant")));
        for (String piece : NativeAnswer.deltas(answer.reasoning())) {
            ObjectNode delta = object().put("contentBlockIndex", 0);
            delta.putObject("delta").putObject("reasoningContent").put("text", piece);
            events.add(new Event("contentBlockDelta", delta));
        }
        events.add(new Event("contentBlockStop", object().put("contentBlockIndex", 0)));
        if (answer.toolUse() != null) {
            ObjectNode start = object().put("contentBlockIndex", 1);
            start.putObject("start")
                    .putObject("toolUse")
                    .put("toolUseId", answer.toolUse().id())
                    .put("name", answer.toolUse().name());
            events.add(new Event("contentBlockStart", start));
            String input = answer.toolUse().input().toString();
            int half = input.length() / 2; // the input arrives as JSON text in pieces, as Bedrock sends it
            for (String piece : List.of(input.substring(0, half), input.substring(half))) {
                ObjectNode delta = object().put("contentBlockIndex", 1);
                delta.putObject("delta").putObject("toolUse").put("input", piece);
                events.add(new Event("contentBlockDelta", delta));
            }
        } else {
            for (String piece : NativeAnswer.deltas(answer.text())) {
                ObjectNode delta = object().put("contentBlockIndex", 1);
                delta.putObject("delta").put("text", piece);
                events.add(new Event("contentBlockDelta", delta));
            }
        }
        events.add(new Event("contentBlockStop", object().put("contentBlockIndex", 1)));
        events.add(new Event("messageStop", object().put("stopReason", answer.stopReason())));
        ObjectNode metadata = object();
        usage(metadata, answer, inputTokens);
        metadata.putObject("metrics").put("latencyMs", latencyMs);
        events.add(new Event("metadata", metadata));
        return events;
    }

    private static void usage(ObjectNode parent, NativeAnswer answer, int inputTokens) {
        int output = outputTokens(answer);
        parent.putObject("usage")
                .put("inputTokens", inputTokens)
                .put("outputTokens", output)
                .put("totalTokens", inputTokens + output);
    }

    static int outputTokens(NativeAnswer answer) {
        String called = answer.toolUse() == null ? "" : answer.toolUse().input().toString();
        return NativeAnswer.tokens(answer.reasoning() + " " + answer.text() + " " + called);
    }

    private static ObjectNode object() {
        return NativeJson.MAPPER.createObjectNode();
    }
}
