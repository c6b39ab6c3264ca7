package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

/**
 * {@value ReplayProxy#FAULT_HEADER}: a client in any language declares faults for its test with a header, and the
 * replaying proxy injects them (the upstream is stopped: every answer below comes from the recordings).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The proxy injects the faults a request's X-Replay-Harness-Fault header declares")
class ProxyFaultTest {
    private static final String TEST_ID = "com.example.FaultTest#streams";

    private ReplayProxy proxy;

    @BeforeAll
    void record(@TempDir Path recordings) throws Exception {
        try (TestUpstream upstream = new TestUpstream();
                ReplayProxy recording = ReplayProxy.builder(
                                harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                        .build()
                        .start()) {
            assertThat(send(chat(recording.baseUri(), TEST_ID, "hi", true).build())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send(chat(recording.baseUri(), TEST_ID, "hi", false).build())
                            .statusCode())
                    .isEqualTo(200);
        }
        proxy = ReplayProxy.builder(harness(recordings, Mode.REPLAY).build(), java.net.URI.create("http://127.0.0.1:9"))
                .build()
                .start();
    }

    @AfterEach
    void endTest() throws Exception {
        Fixtures.endTest(proxy, TEST_ID);
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @DisplayName("a status on the first exchange only (nth counts across the test's requests), then the recording")
    void statusThenRecording() throws Exception {
        String fault = "status=429;retry-after=2s;nth=1";
        HttpResponse<String> first = send(chat(proxy.baseUri(), TEST_ID, "hi", false)
                .header(ReplayProxy.FAULT_HEADER, fault)
                .build());
        HttpResponse<String> second = send(chat(proxy.baseUri(), TEST_ID, "hi", false)
                .header(ReplayProxy.FAULT_HEADER, fault)
                .build());
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).contains("2");
        assertThat(first.body()).contains("\"code\":\"rate_limit_exceeded\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("You said: hi");
    }

    @Test
    @DisplayName("a declaration it cannot read: 400 naming it and the syntax")
    void badDeclaration() throws Exception {
        HttpResponse<String> answer = send(chat(proxy.baseUri(), TEST_ID, "hi", false)
                .header(ReplayProxy.FAULT_HEADER, "explode")
                .build());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue(ReplayProxy.ERROR_HEADER)).contains("fault-declaration");
        assertThat(answer.body())
                .contains("Replay Harness proxy: Fault 'explode' (X-Replay-Harness-Fault header: explode in test "
                        + TEST_ID + "): unknown fault kind 'explode'.");
    }

    @Test
    @DisplayName("curl: cut-after-events=2 streams the recording's first 2 events; reset drops the connection")
    void curl() throws Exception {
        requireTool("curl", "--version");
        String whole = curl(List.of(), 0);
        Fixtures.endTest(proxy, TEST_ID);
        String cut = curl(List.of("-H", ReplayProxy.FAULT_HEADER + ": cut-after-events=2"), 0);
        List<String> events = List.of(whole.split("(?<=\n\n)"));
        assertThat(events).hasSizeGreaterThan(2);
        assertThat(cut).isEqualTo(events.get(0) + events.get(1));
        Fixtures.endTest(proxy, TEST_ID);
        assertThat(curl(List.of("-H", ReplayProxy.FAULT_HEADER + ": reset"), 52))
                .as("curl: (52) Empty reply from server")
                .isEmpty();
    }

    private String curl(List<String> extra, int exitCode) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "curl", "-sN", "-H", "Content-Type: application/json", "-H", ReplayProxy.TEST_HEADER + ": " + TEST_ID));
        command.addAll(extra);
        command.addAll(
                List.of("--data-binary", Fixtures.chatBody("hi", true), proxy.baseUri() + "v1/chat/completions"));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(
                        "curl exit code; stderr: %s",
                        new String(process.getErrorStream().readAllBytes()))
                .isEqualTo(exitCode);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Skips (visibly, with the reason) when the tool is not on PATH or does not run. */
    private static void requireTool(String... probe) throws Exception {
        boolean onPath = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            onPath |= Files.isExecutable(Path.of(dir, probe[0]));
        }
        assumeTrue(onPath, probe[0] + " is not on PATH: this end-to-end check is skipped");
        Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        assumeTrue(
                process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                probe[0] + " is on PATH but does not run: this end-to-end check is skipped");
    }

    @Test
    @DisplayName("a header fault that never fired: the test's end answer lists it, and the proxy logs a warning")
    void neverFired() throws Exception {
        String fired = "status=503;nth=1";
        String missed = "status=429;path=/v1/embeddings";
        for (int i = 0; i < 2; i++) {
            send(chat(proxy.baseUri(), TEST_ID, "hi", false)
                    .header(ReplayProxy.FAULT_HEADER, fired)
                    .header(ReplayProxy.FAULT_HEADER, missed)
                    .build());
        }
        HttpResponse<String> end;
        try (Fixtures.CapturedLog log = new Fixtures.CapturedLog()) {
            end = Fixtures.endTest(proxy, TEST_ID);
            assertThat(log.lines)
                    .anySatisfy(m -> assertThat(m)
                            .startsWith("WARNING")
                            .contains("test " + TEST_ID + " ended with faults that never fired")
                            .contains(missed));
        }
        assertThat(end.statusCode()).isEqualTo(200);
        tools.jackson.databind.JsonNode answer =
                tools.jackson.databind.json.JsonMapper.shared().readTree(end.body());
        assertThat(answer.get("faultsNeverFired").size()).isEqualTo(1);
        assertThat(answer.get("faultsNeverFired").get(0).asString())
                .contains(missed)
                .contains(ReplayProxy.FAULT_HEADER)
                .doesNotContain(fired);
    }
}
