package dev.replayharness.proxy;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies the proxy writes itself: OpenAI-style errors, test summaries, health. */
final class JsonBodies {
    private static final JsonMapper JSON = JsonMapper.shared();

    private JsonBodies() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * {@code {"error":{"message":…,"type":…,"param":null,"code":…}}}, the shape OpenAI-compatible SDKs
     * parse into their exception's message.
     */
    static ObjectNode error(String type, String message) {
        ObjectNode root = object();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", type);
        return root;
    }

    static ObjectNode summary(TestSummary summary) {
        ObjectNode root = object();
        if (summary.testId().isPresent()) {
            root.put("test", summary.testId().get());
        } else {
            root.putNull("test");
        }
        root.put("opened", summary.opened());
        strings(root.putArray("replayed"), summary.replayed());
        strings(root.putArray("recorded"), summary.recorded());
        strings(root.putArray("missed"), summary.missed());
        root.put("live", summary.live());
        return root;
    }

    static ArrayNode strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
        return array;
    }

    static String write(ObjectNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }
}
