package dev.replayharness.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.sun.net.httpserver.HttpExchange;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * AWS event-stream frames as Bedrock sends them, encoded by the AWS event-stream library (valid CRCs): events with a
 * random {@code p} padding, InvokeModel chunks, exception frames; and damaged ones, for tests of bad input.
 */
public final class AwsFrames {
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private AwsFrames() {}

    /** An event frame whose payload is {@code json} plus a random {@code "p"} padding member. */
    public static byte[] event(String eventType, String json, Random random) {
        return frame(headers(eventType, "event"), padded(json, random));
    }

    /** An event frame whose payload is exactly {@code json} (no padding). */
    public static byte[] event(String eventType, String json) {
        return frame(headers(eventType, "event"), json);
    }

    /** An InvokeModel chunk frame: {@code {"bytes": base64(modelJson), "p": random}}. */
    public static byte[] chunk(String modelJson, Random random) {
        String bytes = Base64.getEncoder().encodeToString(modelJson.getBytes(StandardCharsets.UTF_8));
        return frame(headers("chunk", "event"), padded("{\"bytes\":\"" + bytes + "\"}", random));
    }

    /** An exception frame ({@code :message-type: exception}). */
    public static byte[] exception(String type, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return frame(headers, "{\"message\":\"" + message + "\"}");
    }

    public static byte[] frame(Map<String, HeaderValue> headers, String payload) {
        return frame(headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] frame(Map<String, HeaderValue> headers, byte[] payload) {
        ByteBuffer buffer = new Message(headers, payload).toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Map<String, HeaderValue> headers(String eventType, String messageType) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString(messageType));
        return headers;
    }

    private static String padded(String json, Random random) {
        StringBuilder p = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            p.append((char) ('a' + random.nextInt(26)));
        }
        return json.substring(0, json.length() - 1) + ",\"p\":\"" + p + "\"}";
    }

    /** The frame with one payload byte flipped: its message CRC no longer matches. */
    public static byte[] crcMismatch(byte[] frame) {
        byte[] bad = frame.clone();
        bad[bad.length - 6] ^= 0x20;
        return bad;
    }

    /** The frame with a header value type byte (of its first header) no event stream defines. */
    public static byte[] unknownHeaderType(byte[] frame) {
        byte[] bad = frame.clone();
        int nameLength = bad[12];
        bad[12 + 1 + nameLength] = 42; // the type byte after the first header's name
        // the prelude CRC does not cover headers; the message CRC must be right so only the type is wrong
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bad, 0, bad.length - 4);
        ByteBuffer.wrap(bad, bad.length - 4, 4).putInt((int) crc.getValue());
        return bad;
    }

    /** A prelude declaring {@code length} bytes (with a valid prelude CRC), and nothing after it. */
    public static byte[] declaring(int length) {
        ByteBuffer prelude = ByteBuffer.allocate(12).putInt(length).putInt(0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(prelude.array(), 0, 8);
        prelude.putInt((int) crc.getValue());
        return prelude.array();
    }

    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Starts a chunked event-stream response. */
    public static OutputStream start(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders()
                .set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Sends each part flushed on its own, as the network would deliver frames. */
    public static void send(OutputStream out, List<byte[]> parts) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
            out.flush();
        }
    }
}
