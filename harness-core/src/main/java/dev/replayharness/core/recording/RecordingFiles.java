package dev.replayharness.core.recording;

import java.nio.file.Path;
import java.util.Base64;

import dev.replayharness.core.http.Headers;
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
    private RecordingFiles() {}

    /** Parses a recording's bytes; {@code file} is only used in error messages. */
    public static Recording parse(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new RecordingFormatException(
                    file,
                    "is not valid JSON, perhaps truncated or edited by hand (" + e.getOriginalMessage() + " at "
                            + location(e) + "). Fix the file, or delete it and re-record.",
                    e);
        }
        return new RecordingReader(file).recording(root);
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null
                ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
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
            } else if (body instanceof Body.Frames frames) {
                ArrayNode out2 = out.putArray("frames");
                frames.frames().forEach(f -> {
                    ObjectNode frame = out2.addObject();
                    frame.setAll(f.frame());
                    if (f.offsetMs() != null) {
                        frame.put("offsetMs", f.offsetMs());
                    }
                });
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
}
