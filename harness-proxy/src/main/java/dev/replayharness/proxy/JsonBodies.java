package dev.replayharness.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies the proxy writes itself: OpenAI-style errors, test summaries, health. */
final class JsonBodies {
    private static final JsonMapper JSON = JsonMapper.shared();

    private JsonBodies() {}

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
        strings(root.putArray("faultsNeverFired"), summary.faultsNeverFired());
        return root;
    }

    static ArrayNode strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
        return array;
    }

    static String write(ObjectNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    /** Answers with {@code body} as JSON, with {@code headers}. */
    static void send(Response response, Callback callback, int status, ObjectNode body, Map<String, String> headers) {
        byte[] bytes = write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
