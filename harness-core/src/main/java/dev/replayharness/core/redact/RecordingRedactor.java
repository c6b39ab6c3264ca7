package dev.replayharness.core.redact;

import java.util.List;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.EventFrame;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.SseEvent;

/**
 * Applies a redactor to a whole recording: run again just before writing, because a session may
 * learn a secret (a token a later request sends) after an earlier response carrying it was recorded.
 */
public final class RecordingRedactor {
    private RecordingRedactor() {}

    /**
     * The response redacted again; the request is left alone, because its key was computed from it
     * when it was sent and the file name must keep matching it.
     */
    public static Recording redactResponse(Recording r, Redactor redactor) {
        RecordedResponse s = r.response();
        Interruption i = s.interruption();
        return new Recording(
                r.format(),
                r.testId(),
                r.source(),
                r.request(),
                new RecordedResponse(
                        s.status(),
                        headers(s.headers(), redactor),
                        body(s.body(), redactor),
                        i == null ? null : new Interruption(i.kind(), redactor.redact(i.message()))));
    }

    /** Request and response redacted: for recordings keyed after redaction, such as imported ones. */
    public static Recording redact(Recording r, Redactor redactor) {
        RecordedRequest q = r.request();
        RecordedResponse s = r.response();
        Interruption i = s.interruption();
        return new Recording(
                r.format(),
                r.testId(),
                r.source(),
                new RecordedRequest(
                        q.method(),
                        redactor.redactUrl(q.url()),
                        headers(q.headers(), redactor),
                        body(q.body(), redactor),
                        q.normalizers()),
                new RecordedResponse(
                        s.status(),
                        headers(s.headers(), redactor),
                        body(s.body(), redactor),
                        i == null ? null : new Interruption(i.kind(), redactor.redact(i.message()))));
    }

    private static Headers headers(Headers headers, Redactor redactor) {
        return redactor.redactValues(headers);
    }

    private static Body body(Body body, Redactor redactor) {
        if (body instanceof Body.Json json) {
            return new Body.Json(redactor.redact(json.value()));
        }
        if (body instanceof Body.Text text) {
            return new Body.Text(redactor.redact(text.text()));
        }
        if (body instanceof Body.Binary binary) {
            return new Body.Binary(redactor.redact(binary.bytes()));
        }
        if (body instanceof Body.EventStream stream) {
            List<SseEvent> events = stream.events().stream()
                    .map(e -> new SseEvent(
                            redactor.redact(e.comment()),
                            redactor.redact(e.event()),
                            redactor.redact(e.id()),
                            e.retry(),
                            redactor.redact(e.data()),
                            e.offsetMs()))
                    .toList();
            return new Body.EventStream(events);
        }
        if (body instanceof Body.Frames frames) {
            return new Body.Frames(frames.frames().stream()
                    .map(f -> new EventFrame(frame(f.frame(), redactor), f.offsetMs()))
                    .toList());
        }
        return body;
    }

    /** Every header value and payload of a frame: strings as text, a base64 payload as its bytes. */
    private static tools.jackson.databind.node.ObjectNode frame(
            tools.jackson.databind.node.ObjectNode frame, Redactor redactor) {
        tools.jackson.databind.node.ObjectNode redacted =
                (tools.jackson.databind.node.ObjectNode) redactor.redact(frame).deepCopy();
        if (redacted.path("base64").isString()) {
            java.util.Base64.Decoder decoder = java.util.Base64.getDecoder();
            byte[] bytes = decoder.decode(frame.get("base64").stringValue());
            redacted.put("base64", java.util.Base64.getEncoder().encodeToString(redactor.redact(bytes)));
        }
        return redacted;
    }
}
