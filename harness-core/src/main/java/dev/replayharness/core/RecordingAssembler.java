package dev.replayharness.core;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.codec.ContentEncoding;
import dev.replayharness.core.codec.SseCodec;
import dev.replayharness.core.codec.SseParser;
import dev.replayharness.core.eventstream.EventStreamCodec;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.recording.SseEvent;
import dev.replayharness.core.redact.RecordingRedactor;
import dev.replayharness.core.redact.Redactor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects a response as it streams past and stages its recording when the body ends, redacted at one
 * point ({@link RecordingRedactor#redactResponse}) over every part: headers, JSON, text and binary
 * bodies, SSE data, id, event and comments, AWS event-stream frames (headers and payloads), the interruption message.
 */
final class RecordingAssembler implements ResponseRecorder {
    /**
     * What the assembler reads of the harness's settings.
     *
     * @param responseHeaders the response headers a recording keeps (credential headers never are)
     * @param normalizers applied to each JSON body or event before it is recorded
     * @param recordTiming whether each server-sent event's offset is recorded
     * @param maxDrainBytes how much a recording drains after the caller closed the body, before it is truncated
     */
    public record Rules(
            java.util.Set<String> responseHeaders,
            List<dev.replayharness.core.normalize.ResponseNormalizer> normalizers,
            boolean recordTiming,
            long maxDrainBytes) {}

    private final Rules settings;
    private final Redactor redactor;
    private final RecordingKey key;
    private final RecordedRequest request;
    private final String testId;
    private final String source;
    private final Consumer<Recording> stage;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<SseParser.Block> blocks = new ArrayList<>();
    private SseParser sse;
    private boolean eventStream;
    /** For an AWS event stream ({@code application/vnd.amazon.eventstream}), recorded as frames; else null. */
    private FrameAssembly frames;

    private String encoding;
    private int status;
    private Headers headers = Headers.empty();
    private long startNanos;
    private boolean done;
    /** Bytes read since the caller closed the body, or -1 while the caller still reads. */
    private long drained = -1;

    /** @param stage called once, when the body ends, with the recording, or {@code null} when there is nothing to write */
    public RecordingAssembler(
            Rules settings,
            Redactor redactor,
            RecordingKey key,
            RecordedRequest request,
            String testId,
            String source,
            Consumer<Recording> stage) {
        this.settings = settings;
        this.redactor = redactor;
        this.key = key;
        this.request = request;
        this.testId = testId;
        this.source = source;
        this.stage = stage;
    }

    @Override
    public synchronized void started(int status, Headers headers) {
        this.status = status;
        this.headers = headers;
        this.startNanos = System.nanoTime();
        eventStream = headers.isEventStream();
        if (EventStreamCodec.isEventStream(headers.first("content-type").orElse(null))) {
            frames = new FrameAssembly(startNanos, settings.recordTiming());
        }
        encoding = ContentEncoding.supported(headers).orElse(null);
        if (eventStream && encoding == null) {
            sse = new SseParser(); // parsed as it arrives, for per-event timing; an encoded stream is parsed at the end
        }
    }

    @Override
    public synchronized void chunk(byte[] bytes, int offset, int length) {
        if (done) {
            return;
        }
        if (sse != null) {
            blocks.addAll(sse.feed(bytes, offset, length, System.nanoTime()));
        } else {
            body.write(bytes, offset, length);
            if (frames != null) {
                frames.arrived(body.size(), System.nanoTime());
            }
        }
        if (drained >= 0) {
            drained += length;
            if (drained > settings.maxDrainBytes()) { // the bytes that crossed the limit are kept, as read
                truncated();
            }
        }
    }

    @Override
    public synchronized void callerClosed() {
        if (drained < 0) {
            drained = 0;
        }
    }

    @Override
    public synchronized boolean wantsMore() {
        return !done;
    }

    @Override
    public void completed() {
        finish(null);
    }

    @Override
    public void failed(Throwable error) {
        finish(new Interruption(Interruption.Kind.UPSTREAM_ERROR, String.valueOf(error))); // redacted with the rest
    }

    @Override
    public void truncated() {
        finish(new Interruption(
                Interruption.Kind.TRUNCATED,
                "the caller closed the body early while recording and the rest was larger than the drain limit"));
    }

    private synchronized void finish(Interruption interruption) {
        if (done) {
            return;
        }
        done = true;
        if (status == 0) {
            stage.accept(null); // upstream failed before any response: there is nothing to replay
            return;
        }
        Body body = recordedBody();
        if (interruption == null && sse != null && sse.endedMidEvent()) {
            interruption =
                    new Interruption(Interruption.Kind.UNTERMINATED_EVENT, Interruption.UNTERMINATED_EVENT_MESSAGE);
        }
        if (frames != null) {
            interruption = frames.interruption(interruption);
        }
        RecordedResponse response = new RecordedResponse(status, recordedHeaders(), body, interruption);
        // The one point where a response is redacted: every header, body kind, event field and message.
        stage.accept(RecordingRedactor.redactResponse(
                new Recording(Recording.FORMAT_VERSION, testId, source, request, response), redactor));
    }

    private Headers recordedHeaders() {
        Headers.Builder builder = Headers.builder();
        headers.asMap().forEach((name, values) -> {
            if (settings.responseHeaders().contains(name) && !Redactor.isCredentialHeader(name)) {
                values.forEach(v -> builder.add(name, Settings.REQUEST_ID_HEADERS.contains(name) ? key.stableId() : v));
            }
        });
        return builder.build();
    }

    /**
     * The body as recorded: decoded when it came gzip- or deflate-encoded (the recording keeps the
     * {@code content-encoding} header, and replay encodes again for clients that decode themselves).
     */
    private Body recordedBody() {
        byte[] bytes = body.toByteArray();
        if (encoding != null) {
            Optional<byte[]> decoded = ContentEncoding.decode(encoding, bytes);
            if (decoded.isEmpty() && ContentEncoding.looksEncoded(encoding, bytes)) {
                return new Body.Binary(bytes); // a broken stream of that encoding: kept exactly as it came
            }
            // No such stream at all: the client decoded it already (Apache HttpClient does, and keeps the header),
            // so these are the decoded bytes, recorded (and redacted) as any decoded body.
            bytes = decoded.orElse(bytes);
            if (eventStream) {
                sse = new SseParser();
                blocks.addAll(sse.feed(bytes, 0, bytes.length, System.nanoTime()));
            }
        }
        if (frames != null) {
            return frames.body(bytes, request.method() + " " + request.url(), this::normalize);
        }
        if (sse == null) {
            return BodyCodec.encode(bytes, this::normalize, UnaryOperator.identity());
        }
        blocks.addAll(sse.finish(System.nanoTime()));
        List<SseEvent> events = new ArrayList<>();
        for (SseParser.Block block : blocks) {
            Long offset = settings.recordTiming() ? (block.arrivedNanos() - startNanos) / 1_000_000 : null;
            events.add(SseCodec.toEvent(block, offset, this::normalize, UnaryOperator.identity()));
        }
        return new Body.EventStream(events);
    }

    private JsonNode normalize(JsonNode json) {
        if (json instanceof ObjectNode object) {
            settings.normalizers().forEach(n -> n.normalize(object, key));
        }
        return json;
    }
}
