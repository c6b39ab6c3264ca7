package dev.replayharness.core.recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.replayharness.core.http.Headers;

import tools.jackson.databind.JsonNode;

/** Reads the JSON tree, naming the field path of anything wrong. */
record RecordingReader(Path file) {
    Recording recording(JsonNode root) {
        if (!root.isObject()) {
            throw fail("", "must be a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || !format.canConvertToInt()) {
            throw fail(
                    "format",
                    "is missing or not a whole number; a version " + Recording.FORMAT_VERSION
                            + " recording starts with \"format\": " + Recording.FORMAT_VERSION);
        }
        if (format.intValue() != Recording.FORMAT_VERSION) {
            throw fail(
                    "format",
                    "is " + format + ", a format version this harness does not know (it reads version "
                            + Recording.FORMAT_VERSION + "). Upgrade Replay Harness, or re-record the file");
        }
        JsonNode request = object(root, "request");
        JsonNode response = object(root, "response");
        return new Recording(
                Recording.FORMAT_VERSION,
                optionalText(root, "testId"),
                text(root, "source"),
                new RecordedRequest(
                        text(request, "request.method"),
                        text(request, "request.url"),
                        headers(request, "request.headers"),
                        body(request, "request.body"),
                        strings(request, "request.normalizers")),
                new RecordedResponse(
                        status(response),
                        headers(response, "response.headers"),
                        body(response, "response.body"),
                        interruption(response)));
    }

    private int status(JsonNode response) {
        JsonNode status = response.get("status");
        if (status == null
                || !status.isIntegralNumber()
                || !status.canConvertToInt()
                || status.intValue() < 100
                || status.intValue() > 599) {
            throw fail("response.status", "must be an HTTP status code from 100 to 599, but is " + status);
        }
        return status.intValue();
    }

    private Interruption interruption(JsonNode response) {
        JsonNode node = response.get("interrupted");
        if (node == null) {
            return null;
        }
        String kind = text(node, "response.interrupted.kind");
        try {
            return new Interruption(Interruption.Kind.parse(kind), text(node, "response.interrupted.message"));
        } catch (IllegalArgumentException e) {
            throw fail(
                    "response.interrupted.kind",
                    "is '" + kind + "'; allowed: "
                            + Arrays.stream(Interruption.Kind.values())
                                    .map(Interruption.Kind::value)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private Body body(JsonNode parent, String path) {
        JsonNode body = parent.get(leaf(path));
        if (body == null) {
            return null;
        }
        if (!body.isObject() || body.size() != 1) {
            throw fail(path, "must be an object with exactly one of json, text, base64, events, frames");
        }
        Map.Entry<String, JsonNode> only = body.properties().iterator().next();
        JsonNode value = only.getValue();
        return switch (only.getKey()) {
            case "json" -> new Body.Json(value);
            case "text" -> new Body.Text(requireText(value, path + ".text"));
            case "base64" -> binary(requireText(value, path + ".base64"), path + ".base64");
            case "events" -> events(value, path + ".events");
            case "frames" -> new FramesReader(this::fail).frames(value, path + ".frames");
            default ->
                throw fail(
                        path, "has unknown kind '" + only.getKey() + "'; allowed: json, text, base64, events, frames");
        };
    }

    private Body binary(String base64, String path) {
        try {
            return new Body.Binary(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw fail(path, "is not valid base64 (" + e.getMessage() + ")");
        }
    }

    private Body events(JsonNode value, String path) {
        if (!value.isArray()) {
            throw fail(path, "must be an array of events");
        }
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode e = value.get(i);
            String at = path + "[" + i + "]";
            if (!e.isObject()) {
                throw fail(at, "must be an object");
            }
            events.add(new SseEvent(
                    optionalText(e, "comment"),
                    optionalText(e, "event"),
                    optionalText(e, "id"),
                    optionalLong(e, "retry", at),
                    e.get("data"),
                    optionalLong(e, "offsetMs", at)));
        }
        return new Body.EventStream(events);
    }

    private Headers headers(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null) {
            return Headers.empty();
        }
        if (!node.isObject()) {
            throw fail(path, "must be an object of header names to a value or a list of values");
        }
        Headers.Builder builder = Headers.builder();
        node.properties().forEach(e -> {
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> builder.add(e.getKey(), requireText(v, path + "." + e.getKey())));
            } else {
                builder.add(e.getKey(), requireText(e.getValue(), path + "." + e.getKey()));
            }
        });
        return builder.build();
    }

    private List<String> strings(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail(path, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(requireText(v, path)));
        return out;
    }

    private JsonNode object(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw fail(name, "is missing or not an object");
        }
        return node;
    }

    private String text(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null) {
            throw fail(path, "is missing");
        }
        return requireText(node, path);
    }

    private Long optionalLong(JsonNode parent, String name, String at) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw fail(at + "." + name, "must be a whole number of 0 or more, but is " + node);
        }
        return node.longValue();
    }

    private String optionalText(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : requireText(node, name);
    }

    private String requireText(JsonNode node, String path) {
        if (!node.isString()) {
            throw fail(
                    path,
                    "must be a string, but is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node.stringValue();
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    RecordingFormatException fail(String path, String problem) {
        return new RecordingFormatException(
                file, (path.isEmpty() ? "the file" : "field '" + path + "'") + " " + problem + ".");
    }
}
