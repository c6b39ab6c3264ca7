package dev.replayharness.llamastack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.SseEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Llama Stack's {@code response} member → the HTTP response the upstream sent. */
final class LlamaStackResponses {
    /**
     * The OpenAI SDK's error message, {@code Error code: 400 - {'error': {...}}}: Python's repr of the whole
     * body, which shows that the {@code error} envelope was there before the SDK unwrapped it.
     */
    private static final Pattern ENVELOPED = Pattern.compile("^Error code: \\d+ - \\{['\"]error['\"]: ");

    private LlamaStackResponses() {}

    /**
     * @param modelList whether the request was for the model list (a list body is its {@code data})
     */
    static RecordedResponse convert(Path file, JsonNode response, boolean modelList) {
        if (response.path("is_exception").asBoolean(false)) {
            return error(file, response);
        }
        JsonNode body = response.get("body");
        if (body == null || body.isNull()) {
            throw new RecordingFormatException(
                    file,
                    "has no 'response.body' (and 'response.is_exception' is not true), "
                            + "so there is no answer to import.");
        }
        if (response.path("is_streaming").asBoolean(false)) {
            return new RecordedResponse(200, contentType("text/event-stream"), events(file, body), null);
        }
        if (body.isArray()) {
            if (!modelList) {
                throw new RecordingFormatException(
                        file,
                        "'response.body' is a list, which only a stream "
                                + "('response.is_streaming': true) or the model list (request.endpoint /v1/models) may have.");
            }
            return new RecordedResponse(200, contentType("application/json"), modelList(file, body), null);
        }
        return new RecordedResponse(
                200, contentType("application/json"), new Body.Json(data(file, body, "response.body")), null);
    }

    /** A recorded exception: the HTTP error behind it, status and body, as the upstream sent it. */
    private static RecordedResponse error(Path file, JsonNode response) {
        JsonNode exception = response.get("exception_data");
        if (exception == null || !exception.isObject()) {
            throw new RecordingFormatException(
                    file,
                    "'response.is_exception' is true but 'response.exception_data' is "
                            + (exception == null || exception.isNull() ? "missing" : "not an object")
                            + ", so the error cannot be imported.");
        }
        JsonNode status = exception.get("status_code");
        if (status == null || status.isNull()) {
            throw new RecordingFormatException(
                    file,
                    "'response.exception_data.status_code' is missing: the recorded " + describe(exception)
                            + " was not an HTTP error response, and only those can be imported.");
        }
        if (!status.isIntegralNumber() || status.asInt() < 100 || status.asInt() > 599) {
            throw new RecordingFormatException(
                    file,
                    "'response.exception_data.status_code' is " + status
                            + "; it must be an HTTP status, a whole number from 100 to 599.");
        }
        JsonNode body = exception.get("body");
        if (body == null || body.isNull()) {
            return new RecordedResponse(status.asInt(), Headers.empty(), null, null);
        }
        if (body.isString()) {
            return new RecordedResponse(
                    status.asInt(), contentType("text/plain"), new Body.Text(body.stringValue()), null);
        }
        if (!body.isObject()) {
            throw new RecordingFormatException(
                    file,
                    "'response.exception_data.body' is " + LlamaStackFile.kind(body)
                            + "; it must be the error body: an object, a string, or null.");
        }
        return new RecordedResponse(
                status.asInt(), contentType("application/json"), new Body.Json(enveloped(exception, body)), null);
    }

    /** The OpenAI SDK keeps only the {@code error} member of an error body; put the envelope back when its message shows one. */
    private static JsonNode enveloped(JsonNode exception, JsonNode body) {
        if (!ENVELOPED.matcher(exception.path("message").asString("")).find()) {
            return body;
        }
        ObjectNode wire = JsonNodeFactory.instance.objectNode();
        wire.set("error", body);
        return wire;
    }

    private static String describe(JsonNode exception) {
        String type = exception.path("type").asString("");
        return type.isEmpty() ? "exception" : "exception (" + type + ")";
    }

    private static Body events(Path file, JsonNode chunks) {
        if (!chunks.isArray()) {
            throw new RecordingFormatException(
                    file,
                    "'response.body' of a streaming recording must be a list of chunks, not "
                            + LlamaStackFile.kind(chunks) + ".");
        }
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            events.add(
                    new SseEvent(null, null, null, null, data(file, chunks.get(i), "response.body[" + i + "]"), null));
        }
        events.add(new SseEvent(null, null, null, null, StringNode.valueOf("[DONE]"), null));
        return new Body.EventStream(events);
    }

    /** The list Llama Stack kept (the SDK's page, iterated) back in the wire's shape: {@code {"object":"list","data":[…]}}. */
    private static Body modelList(Path file, JsonNode models) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("object", "list");
        var data = list.putArray("data");
        for (int i = 0; i < models.size(); i++) {
            data.add(data(file, models.get(i), "response.body[" + i + "]"));
        }
        return new Body.Json(list);
    }

    /** Unwraps {@code {"__type__": …, "__data__": {…}}}; a plain object is taken as is. */
    private static JsonNode data(Path file, JsonNode wrapped, String where) {
        JsonNode data = wrapped.has("__data__") ? wrapped.get("__data__") : wrapped;
        if (!data.isObject()) {
            throw new RecordingFormatException(
                    file,
                    "'" + where + "' must be an object (optionally wrapped as " + "{\"__type__\", \"__data__\"}), not "
                            + LlamaStackFile.kind(data) + ".");
        }
        return data;
    }

    private static Headers contentType(String type) {
        return Headers.builder().add("content-type", type).build();
    }
}
