package dev.replayharness.llamastack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.redact.Redactor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads one Llama Stack recording file: a recording of this format (shared, not yet redacted), or why it is not one. */
final class LlamaStackFile {
    private LlamaStackFile() {}

    /** What a file turned out to be. */
    sealed interface Read permits Exchange, NotARecording {}

    /** A Llama Stack recording; {@code nodeId} is its {@code test_id} (a pytest node id), or null when it has none. */
    record Exchange(Path file, String nodeId, Recording recording) implements Read {}

    /** A JSON file that is not a Llama Stack recording, and why. */
    record NotARecording(Path file, String reason) implements Read {}

    /**
     * @throws RecordingFormatException when the file is a Llama Stack recording (or unreadable JSON) that cannot be
     *     imported; the message names the file and the field
     */
    static Read read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new RecordingFormatException(
                    file, "is not valid JSON (" + e.getOriginalMessage() + "). Fix or remove it.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            return new NotARecording(
                    file, "not a Llama Stack recording: the top level is " + kind(root) + ", not an object");
        }
        if (!root.hasNonNull("request") && !root.hasNonNull("response")) {
            return new NotARecording(file, "not a Llama Stack recording: it has no 'request' and no 'response' member");
        }
        if (!root.hasNonNull("request") || !root.hasNonNull("response")) { // one of the two: a recording, damaged
            String has = root.hasNonNull("request") ? "request" : "response";
            String missing = has.equals("request") ? "response" : "request";
            throw new RecordingFormatException(
                    file,
                    "has '" + has + "' but no '" + missing + "' member; every Llama Stack "
                            + "recording has both. Fix or remove it.");
        }
        JsonNode request = object(file, root, "request");
        JsonNode response = object(file, root, "response");
        JsonNode testId = root.get("test_id");
        if (testId != null && !testId.isNull() && !testId.isString()) {
            throw new RecordingFormatException(
                    file, "'test_id' is " + kind(testId) + "; it must be a string (a pytest node id) or null.");
        }
        String url = url(file, request);
        boolean modelList = isModelList(url, request);
        RecordedResponse recordedResponse = LlamaStackResponses.convert(file, response, modelList);
        RecordedRequest recordedRequest = modelList
                // Their recorder stores the SDK's models.list() (a GET) with method POST and body {}.
                ? new RecordedRequest("GET", url, Headers.empty(), null, List.of())
                : new RecordedRequest(
                        method(file, request),
                        url,
                        Headers.builder()
                                .add("content-type", "application/json")
                                .build(),
                        body(file, request),
                        List.of());
        return new Exchange(
                file,
                testId == null || testId.isNull() ? null : testId.stringValue(),
                new Recording(
                        Recording.FORMAT_VERSION, null, LlamaStackImporter.SOURCE, recordedRequest, recordedResponse));
    }

    /** {@code request.url}, with the doubled {@code /v1/v1/} their client produced (base URL ending in /v1, plus /v1/…) made single. */
    private static String url(Path file, JsonNode request) {
        JsonNode url = request.get("url");
        if (url == null || url.isNull() || !url.isString()) {
            throw new RecordingFormatException(
                    file,
                    "'request.url' is " + (url == null || url.isNull() ? "missing" : kind(url))
                            + "; it must be the URL the request went to.");
        }
        String fixed = url.stringValue().replace("/v1/v1/", "/v1/");
        try {
            URI uri = URI.create(fixed);
            if (uri.getScheme() == null || uri.getRawPath() == null) {
                throw new IllegalArgumentException("no scheme or path");
            }
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(
                    file, "'request.url' is not an absolute URL: " + new Redactor().redactUrl(url.stringValue()) + ".");
        }
        return fixed;
    }

    private static boolean isModelList(String url, JsonNode request) {
        return "/v1/models".equals(request.path("endpoint").asString(""))
                || URI.create(url).getRawPath().endsWith("/v1/models");
    }

    private static String method(Path file, JsonNode request) {
        JsonNode method = request.get("method");
        if (method == null || method.isNull()) {
            return "POST";
        }
        if (!method.isString() || method.stringValue().isBlank()) {
            throw new RecordingFormatException(
                    file,
                    "'request.method' is " + new Redactor().redact(method.toString())
                            + "; it must be an HTTP method such as \"POST\".");
        }
        return method.stringValue();
    }

    private static Body body(Path file, JsonNode request) {
        JsonNode body = request.get("body");
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw new RecordingFormatException(
                    file, "'request.body' is " + kind(body) + "; it must be the JSON request body, an object.");
        }
        return new Body.Json(body);
    }

    private static JsonNode object(Path file, JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (!node.isObject()) {
            throw new RecordingFormatException(file, "'" + member + "' is " + kind(node) + "; it must be an object.");
        }
        return node;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
