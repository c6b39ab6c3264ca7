package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

/**
 * Clients in other languages replay through the proxy: recordings are made once (through the proxy, from
 * a loopback upstream), the upstream is stopped, and each client runs against a replaying proxy. A client
 * that is not installed is skipped, saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("curl, Python and Node clients replay recordings through the proxy")
class ExternalClientsTest {
    private static final String TEST_ID = "com.example.PolyglotTest#streams";
    private static final String ENCODED_ID = "com.example.PolyglotTest%23streams";
    /** Each client ends its test, so the next client's requests are again the test's first ones. */
    private static final String EXPECTED = "You said: hi\n424 replay_miss\nreplayed 1, missed 1\n";

    private ReplayProxy proxy;

    @BeforeAll
    void recordThenReplay(@TempDir Path recordings) throws Exception {
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
        // The upstream is gone: everything below is answered from the recordings.
        proxy = ReplayProxy.builder(harness(recordings, Mode.REPLAY).build(), java.net.URI.create("http://127.0.0.1:9"))
                .build()
                .start();
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @DisplayName("Python (urllib): streams the recorded events, and a miss is a 424 with type replay_miss")
    void python() throws Exception {
        requireTool("python3", "--version");
        String script = """
                import json, sys, urllib.error, urllib.parse, urllib.request
                base, test = sys.argv[1], sys.argv[2]
                def request(content, stream):
                    body = {"model": "test-model", "messages": [{"role": "user", "content": content}]}
                    if stream:
                        body["stream"] = True
                    return urllib.request.Request(base + "v1/chat/completions", data=json.dumps(body).encode(),
                        headers={"Content-Type": "application/json", "X-Replay-Harness-Test": test})
                pieces = []
                with urllib.request.urlopen(request("hi", True)) as response:
                    for line in response:
                        line = line.decode().strip()
                        if line.startswith("data: ") and line != "data: [DONE]":
                            pieces.append(json.loads(line[6:])["choices"][0]["delta"]["content"])
                print("".join(pieces))
                try:
                    urllib.request.urlopen(request("never recorded", False))
                except urllib.error.HTTPError as error:
                    print(error.code, json.load(error)["error"]["type"])
                end = urllib.request.Request(base + "__harness/tests/" + urllib.parse.quote(test, safe="") + "/end", method="POST")
                with urllib.request.urlopen(end) as response:
                    summary = json.load(response)
                print(f"replayed {len(summary['replayed'])}, missed {len(summary['missed'])}")
                """;
        assertThat(run("python3", "-c", script, proxy.baseUri().toString(), TEST_ID))
                .isEqualTo(EXPECTED);
    }

    @Test
    @DisplayName("Node (fetch): streams the recorded events, and a miss is a 424 with type replay_miss")
    void node() throws Exception {
        requireTool("node", "-e", "if (typeof fetch !== 'function') process.exit(1)");
        String script = """
                const [base, test] = process.argv.slice(-2);
                const request = (content, stream) => fetch(base + "v1/chat/completions", {
                  method: "POST",
                  headers: {"Content-Type": "application/json", "X-Replay-Harness-Test": test},
                  body: JSON.stringify({model: "test-model", messages: [{role: "user", content}], ...(stream ? {stream: true} : {})}),
                });
                (async () => {
                  const response = await request("hi", true);
                  const decoder = new TextDecoder();
                  let text = "";
                  for await (const chunk of response.body) text += decoder.decode(chunk, {stream: true});
                  const pieces = text.split("\\n").filter(l => l.startsWith("data: ") && l !== "data: [DONE]")
                    .map(l => JSON.parse(l.slice(6)).choices[0].delta.content);
                  console.log(pieces.join(""));
                  const miss = await request("never recorded", false);
                  console.log(miss.status, (await miss.json()).error.type);
                  const end = await fetch(base + "__harness/tests/" + encodeURIComponent(test) + "/end", {method: "POST"});
                  const summary = await end.json();
                  console.log(`replayed ${summary.replayed.length}, missed ${summary.missed.length}`);
                })().catch(e => { console.error(e); process.exit(1); });
                """;
        assertThat(run("node", "-e", script, proxy.baseUri().toString(), TEST_ID))
                .isEqualTo(EXPECTED);
    }

    @Test
    @DisplayName("curl: streams the recorded events unbuffered (-N), and a miss is a 424")
    void curl() throws Exception {
        requireTool("curl", "--version");
        String url = proxy.baseUri() + "v1/chat/completions";
        String stream = run(
                "curl",
                "-sSN",
                "-H",
                "Content-Type: application/json",
                "-H",
                ReplayProxy.TEST_HEADER + ": " + TEST_ID,
                "--data-binary",
                Fixtures.chatBody("hi", true),
                url);
        assertThat(stream)
                .contains("\"content\":\"You\"", "\"content\":\" said: \"", "\"content\":\"hi\"")
                .endsWith("data: [DONE]\n\n");
        String miss = run(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-H",
                "Content-Type: application/json",
                "-H",
                ReplayProxy.TEST_HEADER + ": " + TEST_ID,
                "--data-binary",
                Fixtures.chatBody("never recorded", false),
                url);
        assertThat(miss).isEqualTo("424");
        String end = run("curl", "-sS", "-X", "POST", proxy.baseUri() + "__harness/tests/" + ENCODED_ID + "/end");
        assertThat(end)
                .contains("\"test\" : \"" + TEST_ID + "\"")
                .containsPattern("\"replayed\" : \\[ \"proxied/[0-9a-f]{64}\\.json\" ]");
    }

    /** Skips (visibly, with the reason) when the tool is not on PATH or does not run. */
    private static void requireTool(String... probe) throws Exception {
        boolean onPath = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            onPath |= Files.isExecutable(Path.of(dir, probe[0]));
        }
        assumeTrue(onPath, probe[0] + " is not on PATH: this end-to-end check is skipped");
        Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        assumeTrue(
                done && process.exitValue() == 0,
                probe[0] + " is on PATH but " + String.join(" ", probe) + " failed: this end-to-end check is skipped");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        assertThat(process.exitValue())
                .as("%s exit code; stderr: %s", command[0], err)
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
