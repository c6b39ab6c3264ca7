package dev.replayharness.core.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.replayharness.core.json.Json;
import dev.replayharness.core.recording.SseEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Server-sent events between parsed blocks, recorded {@link SseEvent}s and wire bytes. */
public final class SseCodec {
    private SseCodec() {}

    /**
     * A recorded event from a parsed block. {@code data} becomes JSON when it is a JSON object or
     * array (rewritten by {@code json}), else a string (rewritten by {@code text}).
     */
    public static SseEvent toEvent(
            SseParser.Block block, Long offsetMs, UnaryOperator<JsonNode> json, UnaryOperator<String> text) {
        StringBuilder comment = null;
        StringBuilder data = null;
        String event = null;
        String id = null;
        Long retry = null;
        for (SseParser.Field field : block.fields()) {
            switch (field.name()) {
                case "" -> comment = append(comment, field.value());
                case "data" -> data = append(data, field.value());
                case "event" -> event = field.value();
                case "id" -> id = field.value();
                case "retry" -> retry = parseRetry(field.value());
                default -> {} // unknown fields are ignored by every SSE client; so are we
            }
        }
        return new SseEvent(
                comment == null ? null : text.apply(comment.toString()),
                event == null ? null : text.apply(event),
                id == null ? null : text.apply(id),
                retry,
                data == null ? null : data(data.toString(), json, text),
                offsetMs);
    }

    private static JsonNode data(String data, UnaryOperator<JsonNode> json, UnaryOperator<String> text) {
        String trimmed = data.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            var parsed = Json.tryParse(data.getBytes(StandardCharsets.UTF_8));
            if (parsed.isPresent() && parsed.get().isContainer()) {
                return json.apply(parsed.get());
            }
        }
        return StringNode.valueOf(text.apply(data));
    }

    private static Long parseRetry(String value) {
        return value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 18
                ? Long.valueOf(value)
                : null;
    }

    private static StringBuilder append(StringBuilder builder, String line) {
        return builder == null ? new StringBuilder(line) : builder.append('\n').append(line);
    }

    /** The wire bytes of one event, ending with its blank line. */
    public static byte[] render(SseEvent event) {
        StringBuilder out = new StringBuilder();
        if (event.comment() != null) {
            for (String line : event.comment().split("\n", -1)) {
                out.append(": ").append(line).append('\n');
            }
        }
        if (event.event() != null) {
            out.append("event: ").append(event.event()).append('\n');
        }
        if (event.id() != null) {
            out.append("id: ").append(event.id()).append('\n');
        }
        if (event.retry() != null) {
            out.append("retry: ").append(event.retry()).append('\n');
        }
        event.dataText().ifPresent(data -> {
            for (String line : data.split("\n", -1)) { // split, not lines(): an empty line is data too
                out.append("data: ").append(line).append('\n');
            }
        });
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] render(List<SseEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.forEach(e -> out.writeBytes(render(e)));
        return out.toByteArray();
    }
}
