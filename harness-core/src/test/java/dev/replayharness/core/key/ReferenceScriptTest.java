package dev.replayharness.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.testing.Harnesses;

/**
 * docs/recording-format.md claims a short script in another language reproduces every file name.
 * This runs the documented Python script over recordings with the hard cases of RFC 8785.
 */
@DisplayName("The documented reference script (docs/canonical_key.py) reproduces every key")
class ReferenceScriptTest {
    private static final Path SCRIPT = Path.of("..", "docs", "canonical_key.py");

    @TempDir
    Path recordings;

    @Test
    void pythonAgrees() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed here, so the reference script cannot be run");
        assumeTrue(Files.exists(SCRIPT), "docs/canonical_key.py is not beside this module");
        List<String> bodies = List.of(
                "{\"model\":\"m\",\"temperature\":0.70,\"top_p\":1.0,\"max_tokens\":50,\"seed\":-0}",
                "{\"n\":[1e21,1e20,1e-7,0.000001,123456789012345678901234567890,5e-324,-1.5E+2,333333333.33333329]}",
                "{\"\\ud83d\\ude00\":1,\"\\ue000\":2,\"a\\u0001b\":\"tab\\there \\\"quoted\\\" \\\\ / é\",\"\":null,\"t\":[true,false]}",
                "plain text body",
                "");
        Path dir = recordings;
        int count = 0;
        for (RecordingScope scope : RecordingScope.values()) {
            try (HarnessSession session =
                    Harnesses.builder(dir, Mode.RECORD).scope(scope).build().session("Ref#script")) {
                for (String body : bodies) {
                    record(session, URI.create("http://127.0.0.1:9/v1/x?b=2&a=%20&a=1"), body);
                    count++;
                }
                record(session, URI.create("https://example.com/v1/bin"), "\u0000\u00ff");
                count++;
                // a path whose key spelling differs from the one sent (':' → %3A, %7e → ~, %2f kept as %2F)
                record(session, URI.create("http://127.0.0.1:9/model/m-1:0/a%3a%7e%2fb"), "{}");
                count++;
            }
        }
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(count);
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines()).hasSize(count);
    }

    /** Records a 200 response with no body, without any network: the recorder is fed by hand. */
    private static void record(HarnessSession session, URI uri, String body) {
        ExchangePlan plan =
                session.plan(new OutgoingRequest("POST", uri, Headers.empty(), body.getBytes(StandardCharsets.UTF_8)));
        ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElseThrow();
        recorder.started(200, Headers.empty());
        recorder.completed();
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
