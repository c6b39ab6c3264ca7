package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.RecordingCache;
import dev.replayharness.core.store.ReplayRenderer;
import dev.replayharness.core.testing.AwsFrames;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Replaying a settled event-stream recording again encodes none of its frames again")
class EventStreamReplayCacheTest {
    private static final String STREAM = "/model/m/converse-stream";
    private static final int FRAMES = 50;

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws java.io.IOException {
        upstream = new LoopbackUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    byte[] call(Mode mode) throws Exception {
        try (HarnessSession session = Harnesses.of(recordings, mode).session("ESCache#t")) {
            HttpRequest post = HttpRequest.newBuilder(upstream.uri(STREAM))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                    .build();
            return JdkHarness.wrap(http, session)
                    .send(post, HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
    }

    /** Records {@value #FRAMES} frames and backdates the file past the cache's settle time, as a committed one is. */
    Path recordSettled() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(AwsFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"t" + i + "\"}}"));
        }
        upstream.route(STREAM, (exchange, body) -> {
            OutputStream out = AwsFrames.start(exchange);
            AwsFrames.send(out, frames);
            out.close();
        });
        call(Mode.RECORD);
        Path file = Harnesses.files(recordings).get(0);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    @Nested
    @DisplayName("the cache keeps the wire form")
    class WireForm {
        @Test
        @DisplayName(
                "frames are encoded when the file is first read, then every replay is served the same encoded chunks")
        void encodedOnce() throws Exception {
            Path file = recordSettled();
            RecordingKey key = RecordingKey.parseFileName(file.getFileName().toString())
                    .orElseThrow()
                    .key();
            RecordingCache cache = new RecordingCache(1 << 22, 1 << 22, System::currentTimeMillis);
            AtomicLong renders = new AtomicLong();
            List<ReplayRenderer.Rendered> served = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                served.add(cache.load(file, key, recording -> {
                            renders.incrementAndGet();
                            return new RecordingCache.Verified(key, ReplayRenderer.Rendered.of(recording, file));
                        })
                        .orElseThrow()
                        .rendered());
            }
            assertThat(renders)
                    .as("parsed and encoded once, served three times")
                    .hasValue(1);
            assertThat(served).allSatisfy(r -> assertThat(r).isSameAs(served.get(0)));
            assertThat(served.get(0).chunks()).as("one encoded chunk per frame").hasSize(FRAMES);
        }

        @Test
        @DisplayName("replays through the session's shared cache give the bytes the upstream sent, frame for frame")
        void replaysFromCache() throws Exception {
            Path file = recordSettled();
            byte[] first = call(Mode.REPLAY);
            assertThat(RecordingCache.shared().holds(file))
                    .as("cached after the first replay")
                    .isTrue();
            byte[] second = call(Mode.REPLAY);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < FRAMES; i++) {
                sent.writeBytes(AwsFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"t" + i + "\"}}"));
            }
            assertThat(first).isEqualTo(sent.toByteArray());
            assertThat(second).isEqualTo(first);
        }
    }
}
