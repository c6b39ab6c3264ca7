package dev.replayharness.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

/** The faults an adversarial run found (issue 13), each with the behaviour and message it now has. */
@DisplayName("Faults found by the adversarial run")
class FaultTest {
    static final String TEST_ID = "Fault#test";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    HttpResponse<byte[]> get(Harness harness, String path) throws Exception {
        try (HarnessSession session = harness.session(TEST_ID)) {
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(
                            HttpRequest.newBuilder(upstream.uri(path)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** Where a GET of {@code path} by {@link #TEST_ID} is recorded (test scope, the first occurrence). */
    Path fileFor(String path) {
        RecordedRequest request =
                new RecordedRequest("GET", "http://127.0.0.1" + path, null, null, java.util.List.of());
        return recordings
                .resolve("test")
                .resolve(CanonicalRequest.of(request, TEST_ID).key().fileName(1));
    }

    @Nested
    @DisplayName("a temporary file left by a recording process killed mid-write (kill -9)")
    class LeftoverTempFile {
        @Test
        @DisplayName(
                "is swept by the next recording written into its folder once it is stale; a fresh one may be another process's and is kept")
        void swept() throws Exception {
            upstream.json("/v1/a", 200, "{\"a\":1}");
            Path folder = Files.createDirectories(recordings.resolve("test"));
            Path stale =
                    Files.writeString(folder.resolve("." + fileFor("/v1/zzz").getFileName() + "4711.tmp"), "{\"form");
            Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
            Path fresh =
                    Files.writeString(folder.resolve("." + fileFor("/v1/yyy").getFileName() + "4712.tmp"), "{\"form");
            Path other = Files.writeString(folder.resolve(".notes4713.tmp"), "not ours");
            Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));

            get(Harnesses.of(recordings, Mode.RECORD), "/v1/a");

            assertThat(fileFor("/v1/a")).exists();
            assertThat(stale).doesNotExist();
            assertThat(fresh).exists();
            assertThat(other)
                    .as("a file not named as the writer names its temporary files")
                    .exists();
        }
    }

    @Nested
    @DisplayName("a gzip response that is not valid gzip")
    class CorruptGzip {
        @Test
        @DisplayName("is recorded as it came and replays to java.net.http as exactly those bytes")
        void corruptGzip() throws Exception {
            byte[] corrupt = {0x1f, (byte) 0x8b, 8, 0, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};
            upstream.route("/v1/z", (exchange, body) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, corrupt.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(corrupt);
                }
            });
            assertThat(get(Harnesses.of(recordings, Mode.RECORD), "/v1/z").body())
                    .isEqualTo(corrupt);
            assertThat(RecordingsFolder.read(fileFor("/v1/z")).response().body())
                    .isEqualTo(new dev.replayharness.core.recording.Body.Binary(corrupt));

            HttpResponse<byte[]> replayed = get(Harnesses.of(recordings, Mode.REPLAY), "/v1/z");

            assertThat(replayed.headers().firstValue("content-encoding")).contains("gzip");
            assertThat(replayed.body()).isEqualTo(corrupt);
        }
    }

    @Nested
    @DisplayName("a recording path that is not a regular file")
    class NotARegularFile {
        @Test
        @DisplayName("a <key>.json that is a directory fails replay naming the file and the fix")
        void directory() throws Exception {
            Path file = Files.createDirectories(fileFor("/v1/d"));

            Throwable failure = catchThrowable(() -> get(Harnesses.of(recordings, Mode.REPLAY), "/v1/d"));

            assertThat(failure)
                    .hasMessage("Recording " + file + ": is a directory, not a recording file. Delete or move it,"
                            + " then re-record.");
        }

        @Test
        @DisplayName("a <key>.json that is a symbolic link loop fails replay naming the file and the fix")
        void symlinkLoop() throws Exception {
            Path file = fileFor("/v1/l");
            Files.createDirectories(file.getParent());
            Files.createSymbolicLink(file, file.getFileName());

            Throwable failure = catchThrowable(() -> get(Harnesses.of(recordings, Mode.REPLAY), "/v1/l"));

            assertThat(failure)
                    .hasMessage(
                            "Recording " + file
                                    + ": is a symbolic link that cannot be followed (a loop). Replace it with the recording file, or delete it and re-record.");
        }

        @Test
        @DisplayName("a recordings directory that is a file is named as such in the miss, not as missing")
        void recordingsDirectoryIsAFile() throws Exception {
            Path notAFolder = Files.writeString(recordings.resolve("recordings.txt"), "oops");

            Throwable miss = catchThrowable(() -> get(Harnesses.of(notAFolder, Mode.REPLAY), "/v1/m"));

            assertThat(miss.getMessage())
                    .contains("Nearest recordings: none; " + notAFolder.toAbsolutePath()
                            + " is a file, not a folder: point harness.recordings-dir (Harness.Builder.recordingsDirectory) at the"
                            + " recordings folder.\n");
        }
    }

    @Nested
    @DisplayName("an event stream whose final event has no blank line after it")
    class UnterminatedFinalEvent {
        @Test
        @DisplayName(
                "is recorded as interrupted (unterminated-event) and replays exactly the bytes that came, the last event uncompleted")
        void unterminated() throws Exception {
            String wire = "data: {\"n\":1}\n\ndata: {\"n\":2}\n";
            upstream.route("/v1/s", (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                out.write(wire.getBytes(StandardCharsets.UTF_8));
                out.close();
            });
            assertThat(new String(
                            get(Harnesses.of(recordings, Mode.RECORD), "/v1/s").body(), StandardCharsets.UTF_8))
                    .isEqualTo(wire);
            Recording recording = RecordingsFolder.read(fileFor("/v1/s"));
            assertThat(recording.response().interruption().kind().value()).isEqualTo("unterminated-event");
            assertThat(recording.response().interruption().message())
                    .isEqualTo(
                            "the upstream ended the event stream in the middle of an event: its last event has no blank line after it");

            HttpResponse<byte[]> replayed = get(Harnesses.of(recordings, Mode.REPLAY), "/v1/s");

            assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).isEqualTo(wire);
        }

        @Test
        @DisplayName("a stream whose last event is complete is not marked")
        void terminated() throws Exception {
            upstream.route("/v1/t", (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                out.write("data: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
                out.close();
            });
            get(Harnesses.of(recordings, Mode.RECORD), "/v1/t");

            assertThat(RecordingsFolder.read(fileFor("/v1/t")).response().interruption())
                    .isNull();
        }
    }
}
