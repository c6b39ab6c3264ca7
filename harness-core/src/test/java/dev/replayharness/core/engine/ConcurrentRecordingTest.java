package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Concurrent recording leaves every file valid")
class ConcurrentRecordingTest {
    static final String ECHO = "/v1/echo";
    static final int THREADS = 8;
    static final int EXCHANGES = 200;

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new LoopbackUpstream()
                .route(
                        ECHO,
                        (exchange, body) ->
                                LoopbackUpstream.sendJson(exchange, 200, "{\"echo\":" + new String(body) + "}"));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** Sends {@code count} distinct exchanges and one shared identical one through its own session. */
    static void record(Harness harness, String testId, URI uri, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (HarnessSession session = harness.session(testId)) {
            HttpClient client = JdkHarness.wrap(http, session);
            for (int i = 0; i < count; i++) {
                client.send(
                        HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"test\":\"" + testId + "\",\"i\":" + i + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        Harness shared = Harness.builder()
                .recordingsDirectory(harness.namespaceDirectory().getParent())
                .namespace(harness.namespace())
                .mode(Mode.RECORD)
                .scope(RecordingScope.SHARED)
                .build();
        try (HarnessSession session = shared.session(testId)) {
            JdkHarness.wrap(http, session)
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"identical\":true}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }
    }

    static void assertAllValid(List<Path> files) {
        for (Path file : files) {
            Recording recording = RecordingsFolder.read(file);
            RecordingKey named = RecordingKey.parseFileName(file.getFileName().toString())
                    .orElseThrow()
                    .key();
            assertThat(CanonicalRequest.of(recording.request(), recording.testId())
                            .key())
                    .as(file.toString())
                    .isEqualTo(named);
        }
    }

    @Test
    @DisplayName("8 threads x 200 exchanges, plus one identical exchange from every thread")
    void threads() throws Exception {
        Harness harness = Harnesses.of(recordings, Mode.RECORD);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String testId = "Concurrent#thread" + t;
            futures.add(pool.submit(() -> {
                record(harness, testId, upstream.uri(ECHO), EXCHANGES);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Path> files = Harnesses.files(recordings);
        assertThat(files)
                .hasSize(THREADS * EXCHANGES + 1)
                .noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        assertAllValid(files);
    }

    @Test
    @DisplayName("two JVM processes recording the same shared exchange at once")
    void processes() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            RecordingWorker.class.getName(),
                            recordings.toString(),
                            upstream.uri(ECHO).toString(),
                            "Process#p" + p,
                            "50")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            recordings.resolveSibling("worker-" + p + ".log").toFile())
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        List<Path> files = Harnesses.files(recordings);
        assertThat(files).hasSize(2 * 50 + 1);
        assertAllValid(files);
    }

    @Test
    @DisplayName("one session, many threads sending the same request: files <key> to <key>-N, each valid")
    void oneSessionManyThreads() throws Exception {
        int threads = 16;
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("Concurrent#sameRequest")) {
            HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> client.send(
                        HttpRequest.newBuilder(upstream.uri(ECHO))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"same\":true}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        List<Path> files = Harnesses.files(recordings);
        assertThat(files).hasSize(threads);
        String key = files.get(0).getFileName().toString().substring(0, 64);
        List<String> expected = new ArrayList<>();
        expected.add(key + ".json");
        for (int n = 2; n <= threads; n++) {
            expected.add(key + "-" + n + ".json");
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertAllValid(files);
    }

    /** The body of one recording process. */
    public static final class RecordingWorker {
        public static void main(String[] args) throws Exception {
            record(
                    Harnesses.of(Path.of(args[0]), Mode.RECORD),
                    args[2],
                    URI.create(args[1]),
                    Integer.parseInt(args[3]));
        }
    }
}
