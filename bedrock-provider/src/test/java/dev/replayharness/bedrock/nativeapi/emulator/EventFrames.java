package dev.replayharness.bedrock.nativeapi.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import tools.jackson.databind.node.ObjectNode;

/**
 * Frames of {@code application/vnd.amazon.eventstream}, encoded by the SDK's own event-stream codec (prelude, headers,
 * payload and both CRCs), with the headers Bedrock sends in its order.
 */
final class EventFrames {
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private EventFrames() {}

    /** An event frame: {@code :event-type}, {@code :content-type: application/json}, {@code :message-type: event}. */
    static byte[] event(String eventType, ObjectNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return encode(headers, payload.put("p", padding()).toString());
    }

    /** An exception frame: {@code :exception-type} (the union member), content type, {@code :message-type: exception}. */
    static byte[] exception(NativeFault fault) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(fault.kind().streamMember()));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return encode(headers, fault.body());
    }

    private static byte[] encode(Map<String, HeaderValue> headers, String payload) {
        ByteBuffer frame = new Message(headers, payload.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    /**
     * Bedrock pads each event with a {@code p} field of random letters of random length, so frame sizes do not
     * reveal the tokens; a different string every time, which a recorder must normalize.
     */
    static String padding() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(1, 40); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
