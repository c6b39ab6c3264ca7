package dev.replayharness.core.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.replayharness.core.eventstream.EventStreamCodec;
import dev.replayharness.core.eventstream.EventStreamException;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.EventFrame;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS event-stream bodies between wire bytes and recorded {@link Body.Frames}. Recording normalizes each frame: the
 * random {@code p} padding Bedrock adds to every event payload (it only hides token sizes on the wire) is dropped, so
 * re-recording an unchanged upstream writes the same file, and {@code json} rewrites each frame's JSON payload and
 * unwrapped chunk (response normalizers).
 */
public final class EventStreamBodies {
    /** The padding member Bedrock adds to each event payload. */
    public static final String PADDING = "p";

    private EventStreamBodies() {}

    /**
     * The frames of a recorded body, up to the first that cannot be read.
     *
     * @param frames the frames read
     * @param fault why the next frame cannot be read, or {@code null} when the body was read to its end
     * @param unread the bytes from that frame on, which are not in {@code frames} (0 without a fault)
     */
    public record Decoded(Body.Frames frames, EventStreamException fault, int unread) {}

    /**
     * Reads {@code bytes} as recorded frames.
     *
     * @param where the exchange, for the fault's message
     * @param frameOffsetMs the offset of a frame ending at a byte position, or {@code null} to record no timing
     */
    public static Decoded record(
            byte[] bytes,
            String where,
            java.util.function.IntFunction<Long> frameOffsetMs,
            UnaryOperator<JsonNode> json) {
        EventStreamCodec.Reading reading = EventStreamCodec.read(bytes, where);
        List<EventFrame> frames = new ArrayList<>();
        for (int i = 0; i < reading.frames().size(); i++) {
            ObjectNode frame = (ObjectNode) reading.frames().get(i);
            normalize(frame, json);
            Long offset = frameOffsetMs == null
                    ? null
                    : frameOffsetMs.apply(reading.ends().get(i));
            frames.add(new EventFrame(frame, offset));
        }
        int read =
                reading.ends().isEmpty() ? 0 : reading.ends().get(reading.ends().size() - 1);
        return new Decoded(new Body.Frames(frames), reading.fault(), bytes.length - read);
    }

    private static void normalize(ObjectNode frame, UnaryOperator<JsonNode> json) {
        if (frame.get("json") instanceof ObjectNode payload
                && payload.path(PADDING).isString()) {
            payload.remove(PADDING);
            if (payload.isEmpty() && frame.has("chunk")) {
                frame.remove("json"); // a chunk's payload held only its bytes and the padding
            }
        }
        if (frame.has("json")) {
            frame.set("json", json.apply(frame.get("json")));
        }
        if (frame.has("chunk")) {
            frame.set("chunk", json.apply(frame.get("chunk")));
        }
    }

    /**
     * The wire bytes of recorded frames, one array per frame, with valid CRCs.
     *
     * @param where the recording, for errors
     * @throws EventStreamException naming the frame, for one that cannot be encoded (an unknown header type, over the
     *     size limit)
     */
    public static List<byte[]> encode(Body.Frames frames, String where) {
        ArrayNode json = dev.replayharness.core.json.Json.MAPPER.createArrayNode();
        frames.frames().forEach(f -> json.add(f.frame()));
        return EventStreamCodec.fromJson(json, where);
    }

    /** The whole body as bytes. */
    public static byte[] bytes(Body.Frames frames, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(frames, where).forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The text a ConverseStream said: its {@code contentBlockDelta} frames' {@code delta.text}, concatenated. */
    public static String converseText(Body.Frames frames) {
        ArrayNode json = dev.replayharness.core.json.Json.MAPPER.createArrayNode();
        frames.frames().forEach(f -> json.add(f.frame()));
        return EventStreamCodec.converseText(json);
    }
}
