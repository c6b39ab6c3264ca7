package dev.replayharness.core.recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.replayharness.core.Headers;
import dev.replayharness.core.RecordingFormatException;
import dev.replayharness.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recording file format (version {@value Recording#FORMAT_VERSION}): UTF-8, pretty-printed, fixed
 * key order, trailing newline. Parses and prints only; where files are and how they are read and
 * written is the store's ({@code dev.replayharness.core.store.FileRecordingStore}).
 */
public final class RecordingFiles {
    private RecordingFiles() {
    }

    /** Parses a recording's bytes; {@code file} is only used in error messages. */
    public static Recording parse(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new RecordingFormatException(file, "is not valid JSON, perhaps truncated or edited by hand ("
                    + e.getOriginalMessage() + " at " + location(e) + "). Fix the file, or delete it and re-record.", e);
        }
        return new Reader(file).recording(root);
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** The file's exact text. */
    public static String toJson(Recording recording) {
        return Json.pretty(Writer.recording(recording));
    }

    /** Builds the file's JSON tree; key order is fixed here. */
    static final class Writer {
        static ObjectNode recording(Recording r) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("format", r.format());
            if (r.testId() != null) {
                root.put("testId", r.testId());
            }
            root.put("source", r.source());
            ObjectNode request = root.putObject("request");
            request.put("method", r.request().method());
            request.put("url", r.request().url());
            headers(request, r.request().headers());
            if (!r.request().normalizers().isEmpty()) {
                ArrayNode specs = request.putArray("normalizers");
                r.request().normalizers().forEach(specs::add);
            }
            body(request, r.request().body());
            ObjectNode response = root.putObject("response");
            response.put("status", r.response().status());
            headers(response, r.response().headers());
            body(response, r.response().body());
            if (r.response().interruption() != null) {
                ObjectNode interrupted = response.putObject("interrupted");
                interrupted.put("kind", r.response().interruption().kind().value());
                interrupted.put("message", r.response().interruption().message());
            }
            return root;
        }

        private static void headers(ObjectNode parent, Headers headers) {
            if (headers.isEmpty()) {
                return;
            }
            ObjectNode out = parent.putObject("headers");
            headers.asMap().forEach((name, values) -> {
                if (values.size() == 1) {
                    out.put(name, values.get(0));
                } else {
                    ArrayNode list = out.putArray(name);
                    values.forEach(list::add);
                }
            });
        }

        private static void body(ObjectNode parent, Body body) {
            if (body == null) {
                return;
            }
            ObjectNode out = parent.putObject("body");
            if (body instanceof Body.Json json) {
                out.set("json", json.value());
            } else if (body instanceof Body.Text text) {
                out.put("text", text.text());
            } else if (body instanceof Body.Binary binary) {
                out.put("base64", Base64.getEncoder().encodeToString(binary.bytes()));
            } else if (body instanceof Body.EventStream stream) {
                ArrayNode events = out.putArray("events");
                stream.events().forEach(e -> events.add(event(e)));
            }
        }

        private static ObjectNode event(SseEvent e) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            if (e.comment() != null) {
                out.put("comment", e.comment());
            }
            if (e.event() != null) {
                out.put("event", e.event());
            }
            if (e.id() != null) {
                out.put("id", e.id());
            }
            if (e.retry() != null) {
                out.put("retry", e.retry());
            }
            if (e.data() != null) {
                out.set("data", e.data());
            }
            if (e.offsetMs() != null) {
                out.put("offsetMs", e.offsetMs());
            }
            return out;
        }
    }

    /** Reads the JSON tree, naming the field path of anything wrong. */
    private record Reader(Path file) {
        Recording recording(JsonNode root) {
            if (!root.isObject()) {
                throw fail("", "must be a JSON object");
            }
            JsonNode format = root.get("format");
            if (format == null || !format.isIntegralNumber() || !format.canConvertToInt()) {
                throw fail("format", "is missing or not a whole number; a version " + Recording.FORMAT_VERSION
                        + " recording starts with \"format\": " + Recording.FORMAT_VERSION);
            }
            if (format.intValue() != Recording.FORMAT_VERSION) {
                throw fail("format", "is " + format + ", a format version this harness does not know (it reads version "
                        + Recording.FORMAT_VERSION + "). Upgrade Replay Harness, or re-record the file");
            }
            JsonNode request = object(root, "request");
            JsonNode response = object(root, "response");
            return new Recording(Recording.FORMAT_VERSION, optionalText(root, "testId"), text(root, "source"),
                    new RecordedRequest(text(request, "request.method"), text(request, "request.url"),
                            headers(request, "request.headers"), body(request, "request.body"),
                            strings(request, "request.normalizers")),
                    new RecordedResponse(status(response), headers(response, "response.headers"),
                            body(response, "response.body"), interruption(response)));
        }

        private int status(JsonNode response) {
            JsonNode status = response.get("status");
            if (status == null || !status.isIntegralNumber() || !status.canConvertToInt() || status.intValue() < 100
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
                throw fail("response.interrupted.kind", "is '" + kind + "'; allowed: upstream-error, truncated, unterminated-event");
            }
        }

        private Body body(JsonNode parent, String path) {
            JsonNode body = parent.get(leaf(path));
            if (body == null) {
                return null;
            }
            if (!body.isObject() || body.size() != 1) {
                throw fail(path, "must be an object with exactly one of json, text, base64, events");
            }
            Map.Entry<String, JsonNode> only = body.properties().iterator().next();
            JsonNode value = only.getValue();
            return switch (only.getKey()) {
                case "json" -> new Body.Json(value);
                case "text" -> new Body.Text(requireText(value, path + ".text"));
                case "base64" -> binary(requireText(value, path + ".base64"), path + ".base64");
                case "events" -> events(value, path + ".events");
                default -> throw fail(path, "has unknown kind '" + only.getKey() + "'; allowed: json, text, base64, events");
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
                events.add(new SseEvent(optionalText(e, "comment"), optionalText(e, "event"), optionalText(e, "id"),
                        optionalLong(e, "retry", at), e.get("data"), optionalLong(e, "offsetMs", at)));
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
                throw fail(path, "must be a string, but is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            return node.stringValue();
        }

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        private RecordingFormatException fail(String path, String problem) {
            return new RecordingFormatException(file, (path.isEmpty() ? "the file" : "field '" + path + "'") + " " + problem + ".");
        }
    }
}
