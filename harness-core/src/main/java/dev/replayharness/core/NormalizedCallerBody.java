package dev.replayharness.core;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.codec.SseCodec;
import dev.replayharness.core.codec.SseParser;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.recording.RecordingKey;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link CallerBody} that hands the caller what replay will: the bytes {@link BodyCodec} and
 * {@link SseCodec} render from a recorded body, normalized as the recording is. Redaction is not
 * applied (a response rarely holds a secret; the recording is redacted as always).
 */
final class NormalizedCallerBody implements CallerBody {
    private static final byte[] NONE = new byte[0];

    private final UnaryOperator<JsonNode> normalize;
    private final SseParser events; // null: a JSON body, held whole
    private final ByteArrayOutputStream whole;

    private NormalizedCallerBody(UnaryOperator<JsonNode> normalize, boolean eventStream) {
        this.normalize = normalize;
        this.events = eventStream ? new SseParser() : null;
        this.whole = eventStream ? null : new ByteArrayOutputStream();
    }

    /** The caller's view of a response with {@code headers}: normalized where replay normalizes, else unchanged. */
    static CallerBody of(Headers headers, List<ResponseNormalizer> normalizers, RecordingKey key) {
        if (normalizers.isEmpty() || headers.first("content-encoding").isPresent()) {
            return CallerBody.UNCHANGED; // encoded bytes: some clients decode them themselves; not rewritten
        }
        UnaryOperator<JsonNode> normalize = json -> {
            if (json instanceof ObjectNode object) {
                normalizers.forEach(n -> n.normalize(object, key));
            }
            return json;
        };
        if (headers.isEventStream()) {
            return new NormalizedCallerBody(normalize, true);
        }
        String type = headers.first("content-type").orElse("").toLowerCase(Locale.ROOT);
        return type.contains("json") ? new NormalizedCallerBody(normalize, false) : CallerBody.UNCHANGED;
    }

    @Override
    public byte[] next(byte[] bytes, int offset, int length) {
        if (events == null) {
            whole.write(bytes, offset, length);
            return NONE;
        }
        return render(events.feed(bytes, offset, length, 0), false);
    }

    @Override
    public byte[] end() {
        if (events == null) {
            return BodyCodec.decode(BodyCodec.encode(whole.toByteArray(), normalize, UnaryOperator.identity()));
        }
        List<SseParser.Block> last = events.finish(0);
        return render(last, events.endedMidEvent());
    }

    @Override
    public boolean passThrough() {
        return false;
    }

    /** Each block as replay renders its event; an unterminated last one without its blank line, as replayed. */
    private byte[] render(List<SseParser.Block> blocks, boolean unterminated) {
        if (blocks.isEmpty()) {
            return NONE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SseParser.Block block : blocks) {
            out.writeBytes(SseCodec.render(SseCodec.toEvent(block, null, normalize, UnaryOperator.identity())));
        }
        byte[] rendered = out.toByteArray();
        return unterminated ? java.util.Arrays.copyOf(rendered, rendered.length - 1) : rendered;
    }
}
