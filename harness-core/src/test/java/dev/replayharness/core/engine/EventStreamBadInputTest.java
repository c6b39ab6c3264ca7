package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.AwsFrames;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

import tools.jackson.databind.node.ObjectNode;

@DisplayName("A bad AWS event stream, from upstream or in a recording, fails naming the exchange or file and the frame")
class EventStreamBadInputTest {
    private static final String STREAM = "/model/m/converse-stream";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final HttpClient http = HttpClient.newHttpClient();
    byte[] first;
    byte[] second;
    byte[] third;

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
        first = AwsFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"one \"}}");
        second = AwsFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"two \"}}");
        third = AwsFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"three\"}}");
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    void serve(byte[]... parts) {
        upstream.route(STREAM, (exchange, body) -> {
            OutputStream out = AwsFrames.start(exchange);
            AwsFrames.send(out, List.of(parts));
            out.close();
        });
    }

    /** What a replaying (or recording) caller reads: the bytes, then the failure the read ended with. */
    record Read(byte[] bytes, IOException failure) {}

    Read read(Mode mode) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HarnessSession session = Harnesses.of(recordings, mode).session("ES#bad")) {
            HttpRequest request = HttpRequest.newBuilder(upstream.uri(STREAM))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<InputStream> response =
                    JdkHarness.wrap(http, session).send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (IOException e) {
                return new Read(bytes.toByteArray(), e);
            }
        }
        return new Read(bytes.toByteArray(), null);
    }

    Path file() throws IOException {
        return Harnesses.files(recordings).get(0);
    }

    @Nested
    @DisplayName("from upstream: the frames before the bad one are recorded, then an interruption naming it")
    class FromUpstream {
        void assertRecordedUpTo(int goodFrames, String... fragments) throws Exception {
            Read recorded = read(Mode.RECORD);
            assertThat(recorded.failure())
                    .as("the caller got the upstream's bytes as they came")
                    .isNull();
            Recording recording = RecordingsFolder.read(file());
            assertThat(((Body.Frames) recording.response().body()).frames()).hasSize(goodFrames);
            Interruption interruption = recording.response().interruption();
            assertThat(interruption.kind()).isEqualTo(Interruption.Kind.UPSTREAM_ERROR);
            assertThat(interruption.message())
                    .contains("the upstream sent an event stream the harness cannot read")
                    .contains(STREAM)
                    .contains("frame " + (goodFrames + 1) + ":")
                    .containsPattern("\\(the \\d+ bytes from that frame on are not recorded\\)$");
            if (fragments.length > 0) {
                assertThat(interruption.message()).contains(fragments);
            }

            Read replayed = read(Mode.REPLAY);
            List<byte[]> good = List.of(first, second, third).subList(0, goodFrames);
            assertThat(replayed.bytes()).as("the frames before the bad one").isEqualTo(AwsFrames.concat(good));
            assertThat(replayed.failure()).as("never a silently short stream").isNotNull();
            Throwable cause = replayed.failure().getCause() == null
                    ? replayed.failure()
                    : replayed.failure().getCause();
            assertThat(cause)
                    .hasMessageContaining("frame " + (goodFrames + 1) + ":")
                    .hasMessageContaining(file().getFileName().toString());
        }

        @Test
        @DisplayName("a truncated frame (the stream ends inside frame 3)")
        void truncated() throws Exception {
            serve(first, second, Arrays.copyOf(third, third.length - 7));
            assertRecordedUpTo(2, "truncated");
        }

        @Test
        @DisplayName("a CRC mismatch (frame 2)")
        void crc() throws Exception {
            serve(first, AwsFrames.crcMismatch(second), third);
            assertRecordedUpTo(1, "checksum");
        }

        @Test
        @DisplayName("a frame over the 16 MiB limit (frame 2)")
        void oversize() throws Exception {
            serve(first, AwsFrames.declaring(20 * 1024 * 1024));
            assertRecordedUpTo(1, "over the limit of 16777216");
        }

        @Test
        @DisplayName("an unknown header type (frame 2)")
        void unknownHeaderType() throws Exception {
            serve(first, AwsFrames.unknownHeaderType(second), third);
            assertRecordedUpTo(1);
        }
    }

    @Nested
    @DisplayName("in a recording file: replay fails naming the file and the frame, and calls nobody")
    class InTheFile {
        @BeforeEach
        void recordGoodOne() throws Exception {
            serve(first, second, third);
            read(Mode.RECORD);
        }

        void assertReplayFails(String... fragments) throws IOException {
            int before = upstream.requestCount();
            Path file = file();
            assertThatThrownBy(() -> read(Mode.REPLAY))
                    .isInstanceOf(RecordingFormatException.class)
                    .hasMessageStartingWith("Recording " + file + ": ")
                    .hasMessageContainingAll(fragments);
            assertThat(upstream.requestCount()).as("no live call").isEqualTo(before);
        }

        /** Rewrites the recorded body as the base64 an older recording kept. */
        void base64Body(byte[] body) throws IOException {
            String text = Files.readString(file());
            int start = text.indexOf("\"frames\"");
            int end = text.lastIndexOf("]", text.indexOf("\n    }\n  }\n}") + 1);
            Files.writeString(
                    file(),
                    text.substring(0, start) + "\"base64\": \""
                            + Base64.getEncoder().encodeToString(body) + "\"" + text.substring(end + 1));
        }

        @Test
        @DisplayName("an older base64 recording still replays, one valid frame per chunk")
        void legacyReplays() throws Exception {
            base64Body(AwsFrames.concat(List.of(first, second, third)));
            assertThat(RecordingsFolder.read(file()).response().body()).isInstanceOf(Body.Binary.class);
            Read replayed = read(Mode.REPLAY);
            assertThat(replayed.failure()).isNull();
            assertThat(replayed.bytes()).isEqualTo(AwsFrames.concat(List.of(first, second, third)));
        }

        @Test
        @DisplayName(
                "an older base64 recording that was interrupted replays its frames, the cut frame as it came, then fails")
        void legacyInterrupted() throws Exception {
            byte[] cut = Arrays.copyOf(third, 20);
            base64Body(AwsFrames.concat(List.of(first, second, cut)));
            Files.writeString(
                    file(),
                    Files.readString(file())
                            .replace(
                                    "\"status\": 200,",
                                    "\"status\": 200, \"interrupted\": {\"kind\": \"upstream-error\", \"message\":"
                                            + " \"java.io.IOException: connection reset\"},"));
            Read replayed = read(Mode.REPLAY);
            assertThat(replayed.bytes()).isEqualTo(AwsFrames.concat(List.of(first, second, cut)));
            Throwable cause = replayed.failure().getCause() == null
                    ? replayed.failure()
                    : replayed.failure().getCause();
            assertThat(cause).hasMessageContaining("connection reset");
        }

        @Test
        @DisplayName("base64: a truncated frame")
        void truncated() throws Exception {
            base64Body(AwsFrames.concat(List.of(first, second, Arrays.copyOf(third, 20))));
            assertReplayFails("response.body.base64, frame 3: truncated");
        }

        @Test
        @DisplayName("base64: a CRC mismatch")
        void crc() throws Exception {
            base64Body(AwsFrames.concat(List.of(first, AwsFrames.crcMismatch(second), third)));
            assertReplayFails("response.body.base64, frame 2: ", "checksum");
        }

        @Test
        @DisplayName("base64: a frame over the size limit")
        void oversize() throws Exception {
            base64Body(AwsFrames.concat(List.of(first, AwsFrames.declaring(20 * 1024 * 1024))));
            assertReplayFails("response.body.base64, frame 2: declares 20971520 bytes, over the limit");
        }

        @Test
        @DisplayName("base64: an unknown header type")
        void unknownHeaderTypeBase64() throws Exception {
            base64Body(AwsFrames.concat(List.of(first, AwsFrames.unknownHeaderType(second))));
            assertReplayFails("response.body.base64, frame 2: ");
        }

        @Test
        @DisplayName("frames: an unknown header type")
        void unknownHeaderType() throws Exception {
            String text = Files.readString(file());
            int second = text.indexOf("\":event-type\"", text.indexOf("\":event-type\"") + 1);
            Files.writeString(
                    file(), text.substring(0, second) + "\"x-flag\": {\"int128\": 1}, " + text.substring(second));
            assertReplayFails("response.body.frames, frame 2: header 'x-flag' has the unknown type 'int128'");
        }

        @Test
        @DisplayName("frames: a frame over the size limit")
        void oversizeFrame() throws Exception {
            ObjectNode root = (ObjectNode) dev.replayharness.core.json.Json.MAPPER.readTree(file().toFile());
            ObjectNode frame = (ObjectNode) root.at("/response/body/frames/0");
            frame.remove("json");
            frame.put("text", "a".repeat(16 * 1024 * 1024));
            Files.write(file(), dev.replayharness.core.json.Json.MAPPER.writeValueAsBytes(root));
            assertReplayFails("response.body.frames, frame 1: encodes to", "over the limit of 16777216");
        }

        @Test
        @DisplayName("frames: a frame of no known shape, naming the field")
        void shape() throws Exception {
            String text = Files.readString(file());
            int json = text.indexOf("\"json\"", text.indexOf("\"frames\""));
            Files.writeString(file(), text.substring(0, json) + "\"text\": \"t\", " + text.substring(json));
            assertReplayFails("field 'response.body.frames[0]' (frame 1) has more than one payload");
        }
    }

    static List<byte[]> list(byte[]... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
