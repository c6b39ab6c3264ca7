package dev.replayharness.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.replayharness.core.codec.EventStreamBodies;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.EventFrame;
import dev.replayharness.core.recording.SseEvent;

import tools.jackson.databind.JsonNode;

/** How a person reads a recorded body. */
final class BodyText {
    private BodyText() {}

    static String summary(Body body) {
        if (body == null) {
            return "no body";
        }
        if (body instanceof Body.Json) {
            return "json";
        }
        if (body instanceof Body.Text text) {
            return "text (" + text.text().length() + " chars)";
        }
        if (body instanceof Body.Binary binary) {
            return "bytes (" + binary.bytes().length + ")";
        }
        if (body instanceof Body.Frames frames) {
            return "event stream (" + frames.frames().size() + " frames)";
        }
        return "stream (" + ((Body.EventStream) body).events().size() + " events)";
    }

    /**
     * The text a stream carries: the concatenated {@code choices[0].delta.content} of OpenAI-style
     * chunks, else the concatenated data of the events that are not JSON (minus {@code [DONE]}).
     */
    static String streamText(Body.EventStream stream) {
        StringBuilder deltas = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean openAi = false;
        for (SseEvent event : stream.events()) {
            JsonNode data = event.data();
            if (data == null) {
                continue;
            }
            JsonNode content = data.path("choices").path(0).path("delta").path("content");
            if (content.isString()) {
                openAi = true;
                deltas.append(content.stringValue());
            } else if (data.isString() && !data.stringValue().equals("[DONE]")) {
                raw.append(data.stringValue());
            }
        }
        return openAi ? deltas.toString() : raw.toString();
    }

    static String full(Body body) {
        if (body == null) {
            return "(no body)";
        }
        if (body instanceof Body.Json json) {
            return json.value().toPrettyString();
        }
        if (body instanceof Body.Text text) {
            return text.text();
        }
        if (body instanceof Body.Binary binary) {
            return "(" + binary.bytes().length + " bytes) "
                    + Base64.getEncoder().encodeToString(binary.bytes());
        }
        if (body instanceof Body.Frames frames) {
            return frames(frames);
        }
        Body.EventStream stream = (Body.EventStream) body;
        return stream.events().size() + " events; text:\n" + streamText(stream);
    }

    /**
     * An AWS event stream: its frame count, its exception frames, and the text a ConverseStream said (its
     * {@code contentBlockDelta} texts concatenated) or else the text of InvokeModel chunks
     * ({@code choices[0].delta.content} of the model's own JSON).
     */
    static String frames(Body.Frames frames) {
        StringBuilder out = new StringBuilder(frames.frames().size() + " frames");
        frames.frames().stream()
                .filter(EventFrame::exception)
                .forEach(f -> out.append("; exception ")
                        .append(f.header(":exception-type"))
                        .append(": ")
                        .append(f.frame().path("json").path("message").asString("")));
        String text = EventStreamBodies.converseText(frames);
        if (text.isEmpty()) {
            StringBuilder chunks = new StringBuilder();
            frames.frames()
                    .forEach(f -> chunks.append(f.frame()
                            .path("chunk")
                            .path("choices")
                            .path(0)
                            .path("delta")
                            .path("content")
                            .asString("")));
            text = chunks.toString();
        }
        return out.append("; text:\n").append(text).toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
