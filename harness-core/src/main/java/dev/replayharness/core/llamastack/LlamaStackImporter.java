package dev.replayharness.core.llamastack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.replayharness.core.Headers;
import dev.replayharness.core.RecordingFormatException;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.internal.RecordingRedactor;
import dev.replayharness.core.internal.Redactor;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.RecordingKey;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.FileRecordingStore;
import dev.replayharness.core.recording.SseEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Converts Llama Stack recordings into shared (test-agnostic) recordings of this format, re-keyed under
 * this project's canonical form (their file names hash Python's serialization and cannot be reproduced).
 *
 * <p>Credential-looking strings are redacted, as in any recording. Their format: {@code request.url} (with the doubled {@code /v1/v1/} their client produced, fixed
 * here), {@code request.body}, {@code response.body} as one {@code {"__type__", "__data__"}} object or,
 * when {@code response.is_streaming}, a list of them (one per chunk). A stream becomes a
 * {@code text/event-stream} recording of one {@code data:} event per chunk and a final {@code [DONE]}.
 */
public final class LlamaStackImporter {
    /** The {@code source} of imported recordings: {@value}. */
    public static final String SOURCE = "imported";

    private LlamaStackImporter() {
    }

    /** One imported file. */
    public record Imported(Path from, Path to, RecordingKey key) {
    }

    /** Imports every {@code *.json} recording in {@code source} into {@code namespaceDirectory}. */
    public static List<Imported> importDirectory(Path source, Path namespaceDirectory) {
        if (!Files.isDirectory(source)) {
            String message = "Llama Stack recordings folder " + source.toAbsolutePath()
                    + " does not exist or is not a folder. Point the importer at tests/integration/…/recordings.";
            throw new UncheckedIOException(message, new IOException(message));
        }
        FileRecordingStore store = FileRecordingStore.inFolder(namespaceDirectory);
        List<Imported> imported = new ArrayList<>();
        Map<RecordingKey, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Recording recording = RecordingRedactor.redact(convert(file), new Redactor());
                RecordingKey key = CanonicalRequest.of(recording.request(), null).key();
                Path earlier = seen.putIfAbsent(key, file);
                if (earlier != null) {
                    throw new RecordingFormatException(file, "makes the same request as " + earlier
                            + " (their test ids differ, which this project's shared recordings do not key by). Import one of them.");
                }
                imported.add(new Imported(file, store.save(key, 1, recording), key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + source + ": " + e.getMessage(), e);
        }
        return imported;
    }

    /** Converts one Llama Stack recording file. */
    public static Recording convert(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new RecordingFormatException(file, "is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode request = required(file, root, "request");
        JsonNode response = required(file, root, "response");
        String url = required(file, request, "url").stringValue().replace("/v1/v1/", "/v1/");
        JsonNode requestBody = request.get("body");
        RecordedRequest recordedRequest = new RecordedRequest(
                request.has("method") ? request.get("method").stringValue() : "POST", url,
                Headers.builder().add("content-type", "application/json").build(),
                requestBody == null || requestBody.isNull() ? null : new Body.Json(requestBody), List.of());
        boolean streaming = response.path("is_streaming").asBoolean(false);
        JsonNode body = required(file, response, "body");
        RecordedResponse recordedResponse = streaming
                ? new RecordedResponse(200, Headers.builder().add("content-type", "text/event-stream").build(), events(file, body), null)
                : new RecordedResponse(200, Headers.builder().add("content-type", "application/json").build(),
                        new Body.Json(data(file, body, "response.body")), null);
        return new Recording(Recording.FORMAT_VERSION, null, SOURCE, recordedRequest, recordedResponse);
    }

    private static Body events(Path file, JsonNode chunks) {
        if (!chunks.isArray()) {
            throw new RecordingFormatException(file, "response.body of a streaming recording must be a list of chunks");
        }
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            events.add(new SseEvent(null, null, null, null, data(file, chunks.get(i), "response.body[" + i + "]"), null));
        }
        events.add(new SseEvent(null, null, null, null, StringNode.valueOf("[DONE]"), null));
        return new Body.EventStream(events);
    }

    /** Unwraps {@code {"__type__": …, "__data__": {…}}}; a plain object is taken as is. */
    private static JsonNode data(Path file, JsonNode wrapped, String where) {
        JsonNode data = wrapped.has("__data__") ? wrapped.get("__data__") : wrapped;
        if (!data.isObject()) {
            throw new RecordingFormatException(file, where + " must be an object (optionally wrapped as {\"__type__\", \"__data__\"})");
        }
        return data;
    }

    private static JsonNode required(Path file, JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new RecordingFormatException(file, "has no '" + name + "'; is this a Llama Stack recording?");
        }
        return node;
    }
}
