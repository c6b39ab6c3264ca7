package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.endTest;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.jdk.JdkHarness;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Replay misses, and recordings shared between the proxy and the in-process adapter")
class MissAndEquivalenceTest {
    private static final String TEST_ID = "com.example.ChatTest#answers";
    private static final String TOKEN = "sk-misscanary0123456789abcdefXYZ"; // canary

    @TempDir
    Path recordings;

    private final TestUpstream upstream = new TestUpstream();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private ReplayProxy proxy(Mode mode) {
        return ReplayProxy.builder(harness(recordings, mode).build(), upstream.baseUri())
                .build()
                .start();
    }

    @Test
    @DisplayName(
            "a miss answers 424 (never retried) with an OpenAI-style error holding the miss report, and a header naming it")
    void missReport() throws Exception {
        try (Fixtures.CapturedLog log = new Fixtures.CapturedLog();
                ReplayProxy proxy = proxy(Mode.REPLAY)) {
            HttpResponse<String> response = send(chat(proxy.baseUri(), TEST_ID, "hi", false)
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            assertThat(response.statusCode())
                    .isEqualTo(ReplayProxy.DEFAULT_MISS_STATUS)
                    .isEqualTo(424);
            assertThat(response.headers().firstValue(ReplayProxy.MISS_HEADER)).hasValue("POST /v1/chat/completions");
            assertThat(response.headers().firstValue(ReplayProxy.ERROR_HEADER)).hasValue("replay-miss");
            assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            JsonNode error = JsonMapper.shared().readTree(response.body()).get("error");
            assertThat(error.get("type").stringValue()).isEqualTo("replay_miss");
            assertThat(error.get("code").stringValue()).isEqualTo("replay_miss");
            assertThat(error.get("test").stringValue()).isEqualTo(TEST_ID);
            assertThat(error.get("request").stringValue()).isEqualTo("POST /v1/chat/completions");
            assertThat(error.get("message").stringValue())
                    .contains(
                            "no recording for this request",
                            "Canonical form",
                            "\"content\":\"hi\"",
                            "Looked for:",
                            recordings
                                    .resolve(Fixtures.NAMESPACE)
                                    .toAbsolutePath()
                                    .toString(),
                            "To record it");
            assertThat(error.get("fix").stringValue()).contains("record-if-missing", "/__harness/tests/");
            assertThat(response.body()).doesNotContain(TOKEN);
            assertThat(String.join("\n", log.lines))
                    .contains("no recording for POST /v1/chat/completions")
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    @DisplayName("a miss names the nearest recording and the field that differs")
    void missNamesNearest() throws Exception {
        try (ReplayProxy proxy = proxy(Mode.RECORD)) {
            send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
        }
        String recorded;
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            recorded = files.findFirst().orElseThrow().getFileName().toString();
        }
        try (ReplayProxy proxy = proxy(Mode.REPLAY)) {
            HttpResponse<String> response =
                    send(chat(proxy.baseUri(), TEST_ID, "hello", false).build());
            assertThat(response.statusCode()).isEqualTo(424);
            JsonNode error = JsonMapper.shared().readTree(response.body()).get("error");
            assertThat(error.get("message").stringValue())
                    .contains("Nearest recordings", recorded, "same test", "/messages/0/content");
            assertThat(error.get("nearestRecordedBody").stringValue()).contains("\"hi\"");
            assertThat(error.get("requestBody").stringValue()).contains("\"hello\"");
        }
    }

    @Test
    @DisplayName("a damaged recording answers the miss status with the file named, not a replay")
    void damagedRecording() throws Exception {
        try (ReplayProxy proxy = proxy(Mode.RECORD)) {
            send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
        }
        Path file;
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, "{ not json");
        try (ReplayProxy proxy = proxy(Mode.REPLAY)) {
            HttpResponse<String> response =
                    send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
            assertThat(response.statusCode()).isEqualTo(424);
            assertThat(response.headers().firstValue(ReplayProxy.ERROR_HEADER)).hasValue("recording-format");
            JsonNode error = JsonMapper.shared().readTree(response.body()).get("error");
            assertThat(error.get("type").stringValue()).isEqualTo("recording_format_error");
            assertThat(error.get("message").stringValue())
                    .contains(file.getFileName().toString());
        }
    }

    @Test
    @DisplayName("recorded through the proxy, replayed in-process by JdkHarness for the same test id: the same files")
    void proxyRecordingReplaysInProcess() throws Exception {
        List<String> proxyFiles;
        try (ReplayProxy proxy = proxy(Mode.RECORD)) {
            send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
            send(chat(proxy.baseUri(), TEST_ID, "hi", true).build());
            send(chat(proxy.baseUri(), TEST_ID, "hi", false).build()); // the second identical request: <key>-2.json
            proxyFiles = strings(
                    JsonMapper.shared().readTree(endTest(proxy, TEST_ID).body()).get("recorded"));
        }
        assertThat(proxyFiles).hasSize(3).anyMatch(f -> f.endsWith("-2.json"));
        upstream.close();

        Harness replaying = harness(recordings, Mode.REPLAY).build();
        List<String> inProcessFiles = new ArrayList<>();
        try (HarnessSession session = replaying.session(TEST_ID)) {
            HttpClient client = JdkHarness.wrap(Fixtures.CLIENT, session);
            URI base = upstream.baseUri(); // in-process, the test calls the upstream directly
            assertThat(client.send(chat(base, null, "hi", false).build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("You said: hi");
            assertThat(client.send(chat(base, null, "hi", true).build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("data: [DONE]");
            client.send(chat(base, null, "hi", false).build(), HttpResponse.BodyHandlers.ofString());
            session.uses().forEach(use -> {
                assertThat(use.outcome()).isEqualTo(RecordingUse.Outcome.REPLAYED);
                inProcessFiles.add(Fixtures.NAMESPACE + "/" + use.file().getFileName());
            });
        }
        assertThat(inProcessFiles).isEqualTo(proxyFiles);
    }

    @Test
    @DisplayName("recorded in-process by JdkHarness, replayed through the proxy with the test header: the same files")
    void inProcessRecordingReplaysThroughProxy() throws Exception {
        Harness recording = harness(recordings, Mode.RECORD).build();
        List<String> inProcessFiles = new ArrayList<>();
        try (HarnessSession session = recording.session(TEST_ID)) {
            HttpClient client = JdkHarness.wrap(Fixtures.CLIENT, session);
            client.send(chat(upstream.baseUri(), null, "hi", false).build(), HttpResponse.BodyHandlers.ofString());
            client.send(chat(upstream.baseUri(), null, "hi", true).build(), HttpResponse.BodyHandlers.ofString());
            session.close();
            session.uses()
                    .forEach(use -> inProcessFiles.add(
                            Fixtures.NAMESPACE + "/" + use.file().getFileName()));
        }
        upstream.close();
        try (ReplayProxy proxy = proxy(Mode.REPLAY)) {
            assertThat(send(chat(proxy.baseUri(), TEST_ID, "hi", false).build()).body())
                    .contains("You said: hi");
            String stream =
                    send(chat(proxy.baseUri(), TEST_ID, "hi", true).build()).body();
            assertThat(stream).contains("\"content\":\"You\"").endsWith("data: [DONE]\n\n");
            // Without the header the request is shared-scoped: it finds no test-scoped recording.
            assertThat(send(chat(proxy.baseUri(), null, "hi", false).build()).statusCode())
                    .isEqualTo(424);
            assertThat(strings(JsonMapper.shared()
                            .readTree(endTest(proxy, TEST_ID).body())
                            .get("replayed")))
                    .isEqualTo(inProcessFiles);
        }
    }

    @Test
    @DisplayName(
            "traffic without the header is shared-scoped: recorded through the proxy, replayed by an in-process shared session")
    void sharedScope() throws Exception {
        try (ReplayProxy proxy = proxy(Mode.RECORD)) {
            send(chat(proxy.baseUri(), null, "shared", false).build());
            JsonNode summary = JsonMapper.shared()
                    .readTree(Fixtures.post(proxy.baseUri().resolve("/__harness/shared/end"))
                            .body());
            assertThat(summary.get("test").isNull()).isTrue();
            assertThat(summary.get("recorded")).hasSize(1);
        }
        String file;
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            Path only = files.findFirst().orElseThrow();
            file = only.getFileName().toString();
            assertThat(Files.readString(only)).doesNotContain("testId");
        }
        try (HarnessSession session = harness(recordings, Mode.REPLAY).build().sharedSession()) {
            HttpClient client = JdkHarness.wrap(Fixtures.CLIENT, session);
            assertThat(client.send(
                                    chat(upstream.baseUri(), null, "shared", false)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("You said: shared");
            assertThat(session.uses().get(0).file().getFileName().toString()).isEqualTo(file);
        }
    }

    @Test
    @DisplayName("closing the proxy writes the recordings of tests never ended")
    void closeWritesOpenSessions() throws Exception {
        try (ReplayProxy proxy = proxy(Mode.RECORD)) {
            send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
            send(chat(proxy.baseUri(), null, "hi", false).build());
            assertThat(proxy.openTests()).containsExactly(TEST_ID);
            assertThat(recordings.resolve(Fixtures.NAMESPACE)).doesNotExist();
        }
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.stringValue()));
        return values;
    }
}
