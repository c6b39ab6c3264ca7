package dev.replayharness.core.eventstream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code application/vnd.amazon.eventstream} bodies as readable JSON and back, byte for byte. Each frame becomes
 * {@code {"headers": {…}, "json": …}}: its headers ({@link EventHeaders}) and its payload as JSON when it is JSON that
 * serializes back to the same bytes, else {@code "text"} (UTF-8) or {@code "base64"}. An InvokeModel stream chunk
 * ({@code {"bytes": base64, …}}) is unwrapped: {@code "chunk"} holds the model's own JSON and {@code "json"} the rest
 * of the payload (its {@code p} padding). The framing and CRCs are the AWS event-stream library's, not ours; a body
 * that is not a valid stream fails with an {@link EventStreamException} naming where it came from and the frame.
 */
public final class EventStreamCodec {
    /** The content type: {@value}. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    /** The largest frame accepted, as AWS limits them: 16 MiB. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private static final int PRELUDE_BYTES = 12;
    private static final int MIN_FRAME_BYTES = 16;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventStreamCodec() {}

    /** Whether a content type is the AWS event stream. */
    public static boolean isEventStream(String contentType) {
        return contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE);
    }

    /**
     * Reads every frame of a body.
     *
     * @param where what the body is, for errors: a file, or an exchange such as {@code POST /model/…/converse-stream}
     * @throws EventStreamException for a truncated frame, one over {@link #MAX_FRAME_BYTES}, a CRC mismatch or an
     *     unknown header type
     */
    public static ArrayNode toJson(byte[] body, String where) {
        Reading reading = read(body, where);
        if (reading.fault() != null) {
            throw reading.fault();
        }
        return reading.frames();
    }

    /**
     * The frames of a body up to the first one that cannot be read, and why that one cannot: how a recorder keeps
     * what came before a damaged or cut-off frame.
     *
     * @param frames the frames read, in order
     * @param ends the byte offset just after each frame read, in order
     * @param fault why frame {@code frames.size() + 1} cannot be read, or {@code null} when the whole body was read
     */
    public record Reading(ArrayNode frames, List<Integer> ends, EventStreamException fault) {
        public Reading {
            ends = List.copyOf(ends);
        }
    }

    /** Reads frames until the body ends or a frame cannot be read; never throws for a bad body. */
    public static Reading read(byte[] body, String where) {
        ArrayNode frames = MAPPER.createArrayNode();
        List<Integer> ends = new ArrayList<>();
        int position = 0;
        for (int frame = 1; position < body.length; frame++) {
            int remaining = body.length - position;
            if (remaining < PRELUDE_BYTES) {
                return new Reading(
                        frames,
                        ends,
                        new EventStreamException(
                                where,
                                frame,
                                "truncated: the body ends " + remaining
                                        + " bytes into the 12-byte prelude. The stream was cut off; record it again.",
                                null));
            }
            int length = ByteBuffer.wrap(body, position, 4).getInt();
            if (length < 0 || length > MAX_FRAME_BYTES) {
                return new Reading(
                        frames,
                        ends,
                        new EventStreamException(
                                where,
                                frame,
                                "declares " + Integer.toUnsignedString(length) + " bytes, over the limit of "
                                        + MAX_FRAME_BYTES
                                        + " (16 MiB). This is not an AWS event stream, or it is damaged.",
                                null));
            }
            if (length < MIN_FRAME_BYTES || length > remaining) {
                return new Reading(
                        frames,
                        ends,
                        new EventStreamException(
                                where,
                                frame,
                                "truncated: it declares " + length + " bytes and " + remaining
                                        + " remain. The stream was cut off; record it again.",
                                null));
            }
            try {
                Message message =
                        Message.decode(ByteBuffer.wrap(body, position, length).slice());
                frames.add(frame(message));
            } catch (RuntimeException e) { // the library's CRC and header checks
                return new Reading(
                        frames,
                        ends,
                        new EventStreamException(
                                where, frame, e.getMessage() + " (the frame is damaged; record it again)", e));
            }
            position += length;
            ends.add(position);
        }
        return new Reading(frames, ends, null);
    }

    private static ObjectNode frame(Message message) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.set("headers", EventHeaders.toJson(message.getHeaders()));
        byte[] payload = message.getPayload();
        JsonNode json = exactJson(payload);
        if (json == null) {
            String text = utf8(payload);
            if (text != null) {
                frame.put("text", text);
            } else {
                frame.put("base64", Base64.getEncoder().encodeToString(payload));
            }
            return frame;
        }
        ObjectNode unwrapped = chunk(json, payload);
        if (unwrapped != null) {
            frame.setAll(unwrapped);
        } else {
            frame.set("json", json);
        }
        return frame;
    }

    /** {@code {"chunk": model JSON, "json": rest}} when the payload is a chunk that re-encodes exactly, else null. */
    private static ObjectNode chunk(JsonNode json, byte[] payload) {
        if (!(json instanceof ObjectNode object)
                || !object.path("bytes").isString()
                || !"bytes".equals(object.propertyNames().iterator().next())) {
            return null;
        }
        byte[] inner;
        try {
            inner = Base64.getDecoder().decode(object.get("bytes").asString());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        JsonNode model = exactJson(inner);
        if (model == null) {
            return null;
        }
        ObjectNode rest = object.deepCopy();
        rest.remove("bytes");
        ObjectNode frame = MAPPER.createObjectNode();
        frame.set("chunk", model);
        frame.set("json", rest);
        return Arrays.equals(payload(frame, "", 0), payload) ? frame : null;
    }

    /**
     * Encodes frames read by {@link #toJson} (or written by hand) back into the stream, one byte array per frame so
     * replay can deliver them one at a time.
     *
     * @param where the recording file, for errors
     * @throws EventStreamException naming the frame, for a frame of no known shape
     */
    public static List<byte[]> fromJson(JsonNode frames, String where) {
        if (!frames.isArray()) {
            throw new EventStreamException(
                    where, 0, "the frames are " + frames.getNodeType() + ", not a list of frames", null);
        }
        List<byte[]> encoded = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            Map<String, HeaderValue> headers;
            try {
                headers = EventHeaders.fromJson(frame.path("headers"));
            } catch (IllegalArgumentException e) {
                throw new EventStreamException(where, i + 1, e.getMessage(), e);
            }
            ByteBuffer bytes = new Message(headers, payload(frame, where, i + 1)).toByteBuffer();
            if (bytes.remaining() > MAX_FRAME_BYTES) {
                throw new EventStreamException(
                        where,
                        i + 1,
                        "encodes to " + bytes.remaining() + " bytes, over the limit of " + MAX_FRAME_BYTES
                                + " (16 MiB); split its payload.",
                        null);
            }
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            encoded.add(out);
        }
        return encoded;
    }

    private static byte[] payload(JsonNode frame, String where, int number) {
        if (frame.has("chunk")) {
            ObjectNode payload = MAPPER.createObjectNode();
            payload.put("bytes", Base64.getEncoder().encodeToString(MAPPER.writeValueAsBytes(frame.get("chunk"))));
            if (frame.path("json").isObject()) {
                payload.setAll((ObjectNode) frame.get("json"));
            }
            return MAPPER.writeValueAsBytes(payload);
        }
        if (frame.has("json")) {
            return MAPPER.writeValueAsBytes(frame.get("json"));
        }
        if (frame.has("text")) {
            return frame.get("text").asString().getBytes(StandardCharsets.UTF_8);
        }
        if (frame.has("base64")) {
            try {
                return Base64.getDecoder().decode(frame.get("base64").asString());
            } catch (IllegalArgumentException e) {
                throw new EventStreamException(where, number, "'base64' is not base64: " + e.getMessage(), e);
            }
        }
        if (frame.isObject() && frame.size() == 1 && frame.has("headers")) {
            return new byte[0];
        }
        throw new EventStreamException(
                where,
                number,
                "has no payload member; give it one of json, chunk, text or base64"
                        + " (or only headers, for an empty payload)",
                null);
    }

    /** The payload as JSON if it is JSON that serializes back to exactly these bytes, else null. */
    private static JsonNode exactJson(byte[] payload) {
        if (payload.length == 0 || (payload[0] != '{' && payload[0] != '[')) {
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(payload);
            return Arrays.equals(MAPPER.writeValueAsBytes(json), payload) ? json : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String utf8(byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            return text.indexOf('\0') < 0 ? text : null;
        } catch (CharacterCodingException notText) {
            return null;
        }
    }

    /** The text a ConverseStream said: its {@code contentBlockDelta} frames' {@code delta.text}, concatenated. */
    public static String converseText(JsonNode frames) {
        StringBuilder text = new StringBuilder();
        for (JsonNode frame : frames) {
            if ("contentBlockDelta"
                    .equals(frame.path("headers").path(":event-type").asString(""))) {
                text.append(frame.path("json").path("delta").path("text").asString(""));
            }
        }
        return text.toString();
    }
}
