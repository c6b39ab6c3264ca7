package dev.replayharness.core.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

@DisplayName("EventStreamCodec: AWS event streams as readable JSON, and back byte for byte")
class EventStreamCodecTest {
    static final String WHERE = "POST /model/m/converse-stream";
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static byte[] frame(String eventType, String payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return bytes(new Message(headers, payload.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] bytes(Message message) {
        ByteBuffer buffer = message.toByteBuffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    static byte[] concat(List<byte[]> frames) {
        return concat(frames.toArray(new byte[0][]));
    }

    static final byte[] CONVERSE = concat(
            frame("messageStart", "{\"role\":\"assistant\",\"p\":\"abcdef\"}"),
            frame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello, \"},\"p\":\"xy\"}"),
            frame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"world.\"},\"p\":\"q\"}"),
            frame("messageStop", "{\"stopReason\":\"end_turn\",\"p\":\"zz\"}"));

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName(
                "gives each frame its headers in order and its JSON payload, and re-encodes the same bytes frame by frame")
        void converse() {
            ArrayNode frames = EventStreamCodec.toJson(CONVERSE, WHERE);
            assertThat(frames).hasSize(4);
            assertThat(frames.get(1).toString())
                    .isEqualTo("{\"headers\":{\":event-type\":\"contentBlockDelta\","
                            + "\":content-type\":\"application/json\",\":message-type\":\"event\"},"
                            + "\"json\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello, \"},\"p\":\"xy\"}}");
            List<byte[]> encoded = EventStreamCodec.fromJson(frames, "f.json");
            assertThat(encoded).hasSize(4);
            assertThat(concat(encoded)).isEqualTo(CONVERSE);
            assertThat(EventStreamCodec.converseText(frames)).isEqualTo("Hello, world.");
        }

        @Test
        @DisplayName("unwraps an InvokeModel chunk's base64 bytes to the model's own JSON, keeping p beside it")
        void chunk() {
            String model = "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}";
            byte[] body = frame(
                    "chunk",
                    "{\"bytes\":\"" + Base64.getEncoder().encodeToString(model.getBytes(StandardCharsets.UTF_8))
                            + "\",\"p\":\"abc\"}");
            JsonNode frame = EventStreamCodec.toJson(body, WHERE).get(0);
            assertThat(frame.get("chunk").toString()).isEqualTo(model);
            assertThat(frame.get("json").toString()).isEqualTo("{\"p\":\"abc\"}");
            assertThat(concat(EventStreamCodec.fromJson(MAPPER.createArrayNode().add(frame), "f.json")))
                    .isEqualTo(body);
        }

        @Test
        @DisplayName("keeps an exception frame with its :exception-type")
        void exception() {
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            headers.put(":exception-type", HeaderValue.fromString("throttlingException"));
            headers.put(":content-type", HeaderValue.fromString("application/json"));
            headers.put(":message-type", HeaderValue.fromString("exception"));
            byte[] body =
                    bytes(new Message(headers, "{\"message\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8)));
            JsonNode frame = EventStreamCodec.toJson(body, WHERE).get(0);
            assertThat(frame.path("headers").path(":exception-type").asString()).isEqualTo("throttlingException");
            assertThat(frame.path("json").path("message").asString()).isEqualTo("Too many requests");
            assertThat(concat(EventStreamCodec.fromJson(MAPPER.createArrayNode().add(frame), "f.json")))
                    .isEqualTo(body);
        }

        @Test
        @DisplayName("keeps JSON that would not re-serialize to the same bytes as text, and binary payloads as base64")
        void notExactJson() {
            byte[] spaced = frame("e", "{ \"a\": 1 }");
            byte[] binary = bytes(new Message(Map.of(), new byte[] {0, 1, (byte) 0xff}));
            ArrayNode frames = EventStreamCodec.toJson(concat(spaced, binary), WHERE);
            assertThat(frames.get(0).get("text").asString()).isEqualTo("{ \"a\": 1 }");
            assertThat(frames.get(1).get("base64").asString()).isEqualTo("AAH/");
            assertThat(concat(EventStreamCodec.fromJson(frames, "f.json"))).isEqualTo(concat(spaced, binary));
        }

        @Test
        @DisplayName("writes non-string headers as {type: value} and reads them back")
        void typedHeaders() {
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            headers.put("b", HeaderValue.fromBoolean(true));
            headers.put("i", HeaderValue.fromInteger(42));
            headers.put("l", HeaderValue.fromLong(1L << 40));
            headers.put("t", HeaderValue.fromTimestamp(Instant.ofEpochMilli(1764547200000L)));
            headers.put("u", HeaderValue.fromUuid(UUID.fromString("00000000-0000-0000-0000-000000000001")));
            headers.put("x", HeaderValue.fromByteArray(new byte[] {1, 2}));
            byte[] body = bytes(new Message(headers, new byte[0]));
            ArrayNode frames = EventStreamCodec.toJson(body, WHERE);
            assertThat(frames.get(0).get("headers").toString())
                    .isEqualTo("{\"b\":{\"bool\":true},\"i\":{\"int32\":42},"
                            + "\"l\":{\"int64\":1099511627776},\"t\":{\"timestamp\":1764547200000},"
                            + "\"u\":{\"uuid\":\"00000000-0000-0000-0000-000000000001\"},\"x\":{\"bytes\":\"AQI=\"}}");
            assertThat(concat(EventStreamCodec.fromJson(frames, "f.json"))).isEqualTo(body);
        }

        @Test
        @DisplayName("round-trips random frames byte for byte (seeded; -Deventstream.seed=N repeats a run)")
        void randomized() {
            long seed = Long.getLong("eventstream.seed", System.nanoTime());
            Random random = new Random(seed);
            for (int round = 0; round < 200; round++) {
                Map<String, HeaderValue> headers = new LinkedHashMap<>();
                for (int h = random.nextInt(4); h > 0; h--) {
                    headers.put(
                            "h" + h,
                            switch (random.nextInt(4)) {
                                case 0 -> HeaderValue.fromString("v" + random.nextInt());
                                case 1 -> HeaderValue.fromInteger(random.nextInt());
                                case 2 -> HeaderValue.fromBoolean(random.nextBoolean());
                                default -> HeaderValue.fromLong(random.nextLong());
                            });
                }
                byte[] payload = random.nextBoolean()
                        ? ("{\"n\":" + random.nextInt() + ",\"s\":\"" + Long.toHexString(random.nextLong()) + "\"}")
                                .getBytes(StandardCharsets.UTF_8)
                        : randomBytes(random);
                byte[] body = bytes(new Message(headers, payload));
                assertThat(concat(EventStreamCodec.fromJson(EventStreamCodec.toJson(body, WHERE), "f.json")))
                        .as("round %d, seed %d (rerun with -Deventstream.seed=%d)", round, seed, seed)
                        .isEqualTo(body);
            }
        }

        byte[] randomBytes(Random random) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    @Nested
    @DisplayName("bad input names where it came from and the frame, never a silently short stream")
    class BadInput {
        EventStreamException reading(byte[] body) {
            return catchThrowableOfType(EventStreamException.class, () -> EventStreamCodec.toJson(body, WHERE));
        }

        @Test
        @DisplayName("a truncated frame")
        void truncated() {
            byte[] cut = java.util.Arrays.copyOf(CONVERSE, CONVERSE.length - 5);
            EventStreamException error = reading(cut);
            assertThat(error.frame()).isEqualTo(4);
            assertThat(error).hasMessageStartingWith("Event stream of " + WHERE + ", frame 4: truncated: it declares");
            assertThat(reading(java.util.Arrays.copyOf(
                            CONVERSE, frame("messageStart", "{\"role\":\"assistant\",\"p\":\"abcdef\"}").length + 7)))
                    .hasMessageContaining("frame 2: truncated: the body ends 7 bytes into the 12-byte prelude");
        }

        @Test
        @DisplayName("a CRC mismatch")
        void crc() {
            byte[] damaged = CONVERSE.clone();
            int second = frame("messageStart", "{\"role\":\"assistant\",\"p\":\"abcdef\"}").length;
            damaged[second + 60] ^= 1; // inside frame 2's payload
            assertThat(reading(damaged)).hasMessageContaining("frame 2: Message checksum failure");
        }

        @Test
        @DisplayName("a frame over the 16 MiB limit")
        void oversize() {
            byte[] huge = CONVERSE.clone();
            ByteBuffer.wrap(huge).putInt(0, 20 * 1024 * 1024);
            assertThat(reading(huge))
                    .hasMessageContaining("frame 1: declares 20971520 bytes, over the limit of 16777216");
        }

        @Test
        @DisplayName("an unknown header type, in a frame whose CRCs are right")
        void unknownHeaderType() {
            byte[] header = {1, 'h', 99, 0}; // name "h", type 99 (no such type)
            ByteBuffer frame = ByteBuffer.allocate(12 + header.length + 4);
            frame.putInt(frame.capacity()).putInt(header.length);
            frame.putInt((int) crc(frame.array(), 0, 8));
            frame.put(header);
            frame.putInt((int) crc(frame.array(), 0, frame.position()));
            assertThat(reading(concat(CONVERSE, frame.array()))).hasMessageContaining("frame 5:");
        }

        long crc(byte[] bytes, int offset, int length) {
            CRC32 crc = new CRC32();
            crc.update(bytes, offset, length);
            return crc.getValue();
        }

        @Test
        @DisplayName("in a recording: an unknown header type name, or a frame with no payload member")
        void recorded() throws Exception {
            JsonNode badType = MAPPER.readTree(
                    "[{\"headers\":{\":event-type\":\"x\"},\"json\":{}},{\"headers\":{\"n\":{\"int128\":1}},\"json\":{}}]");
            assertThat(catchThrowableOfType(
                            EventStreamException.class,
                            () -> EventStreamCodec.fromJson(badType, "recordings/x/k.json")))
                    .hasMessageContaining(
                            "Event stream of recordings/x/k.json, frame 2: header 'n' has the unknown type 'int128'");
            JsonNode badBytes = MAPPER.readTree("[{\"headers\":{\"b\":{\"bytes\":\"not base64!\"}},\"json\":{}}]");
            assertThat(catchThrowableOfType(
                            EventStreamException.class,
                            () -> EventStreamCodec.fromJson(badBytes, "recordings/x/k.json")))
                    .hasMessageContaining("frame 1: header 'b' is not a valid bytes (\"not base64!\": ")
                    .hasMessageContaining("fix its value");
            JsonNode noPayload = MAPPER.readTree("[{\"headers\":{},\"jsn\":{}}]");
            assertThat(catchThrowableOfType(
                            EventStreamException.class,
                            () -> EventStreamCodec.fromJson(noPayload, "recordings/x/k.json")))
                    .hasMessageContaining("frame 1: has no payload member");
        }
    }
}
