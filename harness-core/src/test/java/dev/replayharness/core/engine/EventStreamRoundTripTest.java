package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.eventstream.HeaderValue;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.AwsFrames;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Random AWS event streams go through the recording file and replay byte for byte")
class EventStreamRoundTripTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 ";

    @TempDir
    Path recordings;

    @Test
    @DisplayName(
            "every header type and payload kind (JSON, chunk, text, base64, empty), seeded; -Deventstream.seed=N repeats a run")
    void roundTrip() throws Exception {
        long seed = Long.getLong("eventstream.seed", System.nanoTime());
        Random random = new Random(seed);
        HttpClient http = HttpClient.newHttpClient();
        try (LoopbackUpstream upstream = new LoopbackUpstream()) {
            for (int round = 0; round < 25; round++) {
                List<byte[]> frames = new ArrayList<>();
                for (int i = random.nextInt(8); i >= 0; i--) {
                    frames.add(AwsFrames.frame(headers(random), payload(random)));
                }
                byte[] wire = AwsFrames.concat(frames);
                upstream.route("/model/m/converse-stream", (exchange, body) -> {
                    OutputStream out = AwsFrames.start(exchange);
                    AwsFrames.send(out, frames);
                    out.close();
                });
                HttpRequest request = HttpRequest.newBuilder(upstream.uri("/model/m/converse-stream"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"round\":" + round + "}"))
                        .build();
                byte[] recorded;
                try (HarnessSession session =
                        Harnesses.of(recordings, Mode.RECORD).session("RT#t")) {
                    recorded = JdkHarness.wrap(http, session)
                            .send(request, HttpResponse.BodyHandlers.ofByteArray())
                            .body();
                }
                byte[] replayed;
                try (HarnessSession session =
                        Harnesses.of(recordings, Mode.REPLAY).session("RT#t")) {
                    replayed = JdkHarness.wrap(http, session)
                            .send(request, HttpResponse.BodyHandlers.ofByteArray())
                            .body();
                }
                String why = "round " + round + ", seed " + seed + " (rerun with -Deventstream.seed=" + seed + ")";
                assertThat(recorded)
                        .as("record mode passes the upstream's bytes: " + why)
                        .isEqualTo(wire);
                assertThat(replayed)
                        .as("replayed from the readable frames: " + why)
                        .isEqualTo(wire);
            }
        }
        StringBuilder files = new StringBuilder();
        for (Path file : Harnesses.files(recordings)) {
            files.append(java.nio.file.Files.readString(file));
        }
        assertThat(files.toString())
                .as("recorded as frames, seed %d", seed)
                .contains("\"frames\"")
                .doesNotContain("\"body\": {\n      \"base64\"");
    }

    private static Map<String, HeaderValue> headers(Random random) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        for (int i = random.nextInt(5); i > 0; i--) {
            String name = "h" + i;
            headers.put(
                    name,
                    switch (random.nextInt(9)) {
                        case 0 -> HeaderValue.fromString(text(random));
                        case 1 -> HeaderValue.fromBoolean(random.nextBoolean());
                        case 2 -> HeaderValue.fromByte((byte) random.nextInt());
                        case 3 -> HeaderValue.fromShort((short) random.nextInt());
                        case 4 -> HeaderValue.fromInteger(random.nextInt());
                        case 5 -> HeaderValue.fromLong(random.nextLong());
                        case 6 -> HeaderValue.fromByteArray(bytes(random));
                        case 7 ->
                            HeaderValue.fromTimestamp(Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)));
                        default -> HeaderValue.fromUuid(new UUID(random.nextLong(), random.nextLong()));
                    });
        }
        return headers;
    }

    private static byte[] payload(Random random) {
        if (random.nextInt(6) == 0) {
            byte[] binary = bytes(random);
            binary[0] = 0; // a NUL: not text, so recorded as base64
            return binary;
        }
        return textPayload(random).getBytes(StandardCharsets.UTF_8);
    }

    private static String textPayload(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"k\":\"" + text(random) + "\",\"n\":" + random.nextInt(1000) + ",\"a\":[true,null]}";
            case 1 ->
                "{\"bytes\":\""
                        + Base64.getEncoder()
                                .encodeToString(("{\"choices\":[{\"delta\":{\"content\":\"" + text(random) + "\"}}]}")
                                        .getBytes(StandardCharsets.UTF_8))
                        + "\"}";
            case 2 -> "plain " + text(random);
            case 3 -> "";
            default -> "{ \"spaced\" : 1 }"; // JSON that does not serialize back to its bytes: kept as text
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(1, 30); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(1, 16)];
        random.nextBytes(bytes);
        return bytes;
    }
}
