package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.RecordingCache;
import dev.replayharness.core.store.ReplayRenderer;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Replay cache: a recording replayed again is served from memory, never stale, and bad files still fail")
class ReplayCacheTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String TEST = "Cache#test";
    /** Well before the settle time: what a committed recording looks like. */
    private static final FileTime OLD = FileTime.from(Instant.now().minusSeconds(3600));

    @TempDir
    Path recordings;

    final List<LoopbackUpstream> upstreams = new ArrayList<>();

    @AfterEach
    void stop() {
        upstreams.forEach(LoopbackUpstream::close);
    }

    private LoopbackUpstream upstream(String json) throws IOException {
        LoopbackUpstream upstream = new LoopbackUpstream().json(CHAT, 200, json);
        upstreams.add(upstream);
        return upstream;
    }

    private static String send(Harness harness, LoopbackUpstream upstream, String question) throws Exception {
        try (HarnessSession session = harness.session(TEST)) {
            HttpRequest request = HttpRequest.newBuilder(upstream.uri(CHAT))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"" + question + "\"}"))
                    .build();
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private Path recordOne(LoopbackUpstream upstream, String question) throws Exception {
        List<Path> before = Harnesses.files(recordings);
        send(Harnesses.of(recordings, Mode.RECORD), upstream, question);
        List<Path> after = new ArrayList<>(Harnesses.files(recordings));
        after.removeAll(before);
        return after.isEmpty() ? Harnesses.files(recordings).get(0) : after.get(0);
    }

    private Harness replay() {
        return Harnesses.of(recordings, Mode.REPLAY);
    }

    @Test
    @DisplayName("a settled recording is cached on first replay and served again without reading it")
    void cachesSettledRecordings() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "q");
        Files.setLastModifiedTime(file, OLD);

        assertThat(send(replay(), upstream, "q")).isEqualTo("{\"answer\":\"A\"}");
        assertThat(RecordingCache.shared().holds(file))
                .as("cached after the first replay")
                .isTrue();
        assertThat(send(replay(), upstream, "q")).isEqualTo("{\"answer\":\"A\"}");

        long now = System.currentTimeMillis();
        RecordingCache cache = new RecordingCache(1 << 20, 1 << 20, () -> now);
        RecordingKey key = RecordingKey.parseFileName(file.getFileName().toString())
                .orElseThrow()
                .key();
        AtomicLong reads = new AtomicLong();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.load(file, key, recording -> {
                        reads.incrementAndGet();
                        return new RecordingCache.Verified(key, ReplayRenderer.Rendered.of(recording));
                    }))
                    .isPresent();
        }
        assertThat(reads).as("parsed and verified once, served twice").hasValue(1);
        assertThat(upstream.requestCount())
                .as("only the recording call went upstream")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a recording that was never cached is read afresh: replayCache(false)")
    void cacheCanBeTurnedOff() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "off");
        Files.setLastModifiedTime(file, OLD);
        Harness uncached =
                Harnesses.builder(recordings, Mode.REPLAY).replayCache(false).build();

        assertThat(send(uncached, upstream, "off")).isEqualTo("{\"answer\":\"A\"}");
        assertThat(RecordingCache.shared().holds(file)).isFalse();
    }

    @Test
    @DisplayName("a re-recorded file with the same size and the same modification time is not served stale (new inode)")
    void reRecordedIsNotStale() throws Exception {
        LoopbackUpstream first = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(first, "same");
        Files.setLastModifiedTime(file, OLD);
        assertThat(send(replay(), first, "same")).isEqualTo("{\"answer\":\"A\"}");
        assertThat(RecordingCache.shared().holds(file)).isTrue();
        long size = Files.size(file);

        LoopbackUpstream second = upstream("{\"answer\":\"B\"}");
        assertThat(recordOne(second, "same")).isEqualTo(file);
        Files.setLastModifiedTime(file, OLD); // the worst case: only the inode tells the files apart
        assertThat(Files.size(file)).isEqualTo(size);

        assertThat(send(replay(), first, "same")).isEqualTo("{\"answer\":\"B\"}");
    }

    @Test
    @DisplayName("a file edited in place is not served stale, even with the same size")
    void editedInPlaceIsNotStale() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "edit");
        Files.setLastModifiedTime(file, OLD);
        assertThat(send(replay(), upstream, "edit")).isEqualTo("{\"answer\":\"A\"}");
        assertThat(RecordingCache.shared().holds(file)).isTrue();

        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        Files.writeString(file, Files.readString(file).replace("\"A\"", "\"C\"")); // same inode, same size, new mtime
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(inode);

        assertThat(send(replay(), upstream, "edit")).isEqualTo("{\"answer\":\"C\"}");
    }

    @Test
    @DisplayName(
            "a file written moments ago is never cached, so two same-size edits within one timestamp tick are both seen")
    void freshFilesAreReadEveryTime() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "fresh");
        String original = Files.readString(file);
        for (String answer : List.of("D", "E", "F")) {
            Files.writeString(file, original.replace("\"A\"", "\"" + answer + "\""));
            assertThat(send(replay(), upstream, "fresh")).isEqualTo("{\"answer\":\"" + answer + "\"}");
            assertThat(RecordingCache.shared().holds(file))
                    .as("younger than the settle time")
                    .isFalse();
        }
    }

    @Test
    @DisplayName("a cached file that is then damaged fails with the same clear error as uncached, every time")
    void damagedAfterCachingFails() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "damage");
        Files.setLastModifiedTime(file, OLD);
        assertThat(send(replay(), upstream, "damage")).isEqualTo("{\"answer\":\"A\"}");
        assertThat(RecordingCache.shared().holds(file)).isTrue();

        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        Files.setLastModifiedTime(file, OLD); // settled and damaged: still never cached, since it does not parse
        for (Harness harness : List.of(
                replay(),
                replay(),
                Harnesses.builder(recordings, Mode.REPLAY).replayCache(false).build())) {
            assertThatThrownBy(() -> send(harness, upstream, "damage"))
                    .isInstanceOf(RecordingFormatException.class)
                    .hasMessageStartingWith("Recording " + file + ": ")
                    .hasMessageContaining("is not valid JSON, perhaps truncated or edited by hand");
        }
        assertThat(RecordingCache.shared().holds(file)).isFalse();
    }

    @Test
    @DisplayName("a cached file whose request is then edited fails with the key-mismatch error")
    void editedRequestAfterCachingFails() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "keyed");
        Files.setLastModifiedTime(file, OLD);
        assertThat(send(replay(), upstream, "keyed")).isEqualTo("{\"answer\":\"A\"}");

        Files.writeString(file, Files.readString(file).replace("\"keyed\"", "\"KEYED\"")); // same size and inode
        assertThatThrownBy(() -> send(replay(), upstream, "keyed"))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("its name says key")
                .hasMessageContaining("but its request hashes to");
    }

    @Test
    @DisplayName("a cached file that is deleted is a replay miss")
    void deletedIsAMiss() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "gone");
        Files.setLastModifiedTime(file, OLD);
        assertThat(send(replay(), upstream, "gone")).isEqualTo("{\"answer\":\"A\"}");

        Files.delete(file);
        assertThatThrownBy(() -> send(replay(), upstream, "gone")).isInstanceOf(ReplayMissError.class);
        assertThat(RecordingCache.shared().holds(file)).isFalse();
    }

    @Test
    @DisplayName("each replay gets its own copy of the body: changing one cannot change the next")
    void repliesAreCopies() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        Path file = recordOne(upstream, "copy");
        Files.setLastModifiedTime(file, OLD);
        OutgoingRequest request = new OutgoingRequest(
                "POST", upstream.uri(CHAT), Headers.empty(), "{\"q\":\"copy\"}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            try (HarnessSession session = replay().session(TEST)) {
                byte[] body = ((ExchangePlan.Replay) session.plan(request))
                        .response()
                        .chunks()
                        .get(0);
                assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"answer\":\"A\"}");
                body[0] = 'X';
            }
        }
        assertThat(RecordingCache.shared().holds(file)).isTrue();
    }

    @Test
    @DisplayName("the cache stays within its byte bound, evicting the least recently used")
    void boundedLeastRecentlyUsed() throws Exception {
        LoopbackUpstream upstream = upstream("{\"answer\":\"" + "x".repeat(1000) + "\"}");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path file = recordOne(upstream, "bound" + i);
            Files.setLastModifiedTime(file, OLD);
            files.add(file);
        }
        long now = System.currentTimeMillis();
        RecordingCache cache =
                new RecordingCache(3_500, 2_000, () -> now); // two entries (~1.4 KB each) fit, three do not
        assertThat(load(cache, files.get(0))).isTrue();
        assertThat(load(cache, files.get(1))).isTrue();
        assertThat(load(cache, files.get(0))).isTrue(); // now 1 is the least recently used
        assertThat(load(cache, files.get(2))).isTrue();
        assertThat(cache.bytes()).isLessThanOrEqualTo(3_500);
        assertThat(cache.holds(files.get(0))).as("recently used: kept").isTrue();
        assertThat(cache.holds(files.get(1))).as("least recently used: evicted").isFalse();
        assertThat(cache.holds(files.get(2))).as("newest: kept").isTrue();
        assertThat(load(cache, files.get(3)))
                .as("an evicted file is still replayed: read afresh")
                .isTrue();

        RecordingCache tiny = new RecordingCache(1 << 20, 100, () -> now);
        assertThat(load(tiny, files.get(0))).isTrue();
        assertThat(tiny.size())
                .as("an entry over the per-entry bound is served but not kept")
                .isZero();
    }

    private static boolean load(RecordingCache cache, Path file) {
        RecordingKey key = RecordingKey.parseFileName(file.getFileName().toString())
                .orElseThrow()
                .key();
        return cache.load(
                        file, key, recording -> new RecordingCache.Verified(key, ReplayRenderer.Rendered.of(recording)))
                .isPresent();
    }

    @Test
    @DisplayName("concurrent sessions replaying the same cached recordings each get their own")
    void concurrentSessions() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ReplayCacheTest.concurrentSessions seed=" + seed);
        LoopbackUpstream upstream = upstream("{\"answer\":\"A\"}");
        int count = 6;
        List<LoopbackUpstream> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LoopbackUpstream answering = upstream("{\"answer\":\"" + i + "\"}");
            answers.add(answering);
            Files.setLastModifiedTime(recordOne(answering, "c" + i), OLD);
        }
        Harness harness = replay();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong checked = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(seed + t);
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        int i = random.nextInt(count);
                        assertThat(send(harness, upstream, "c" + i)).isEqualTo("{\"answer\":\"" + i + "\"}");
                        checked.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checked).hasValue(8 * 40);
        assertThat(answers.stream().mapToInt(LoopbackUpstream::requestCount).sum())
                .as("no replay went upstream")
                .isEqualTo(count);
    }
}
