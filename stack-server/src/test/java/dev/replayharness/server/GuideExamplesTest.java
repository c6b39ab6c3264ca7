package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bedrock guide's cURL examples and smoke-test script (kept verbatim in {@code stack-server/guide/})
 * against {@code serve} with the committed recordings in {@code recordings/stack-server}: replay by
 * default, nothing sent upstream. {@code -Dharness.mode=record} re-records them from the Bedrock emulator.
 */
class GuideExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GUIDE =
            TestStack.repositoryRecordings().getParent().resolve("stack-server/guide");
    private static final Path SEED = TestStack.repositoryRecordings()
            .getParent()
            .resolve("../shared/seeds/000_215b9f7df666116a.txt")
            .normalize();

    @TempDir
    static Path dir;

    static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(
                dir,
                null,
                TestStack.repositoryRecordings(),
                builder -> builder.onRecordingUse(use -> {
                    if (use.file() != null) {
                        ReplayReport.used(GuideExamplesTest.class, use.file());
                    }
                }));
    }

    /** Writes the run report, so that {@code harness unused} counts the recordings the server replayed as used. */
    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
            ReplayReport.write(stack.server.harness().mode().value());
        }
    }

    private static String script(String name) throws IOException {
        return Files.readString(GUIDE.resolve(name));
    }

    /** Runs one curl line of a guide script, with localhost:8321 being this server. */
    private HttpResponse<String> run(String line, Map<String, String> variables) {
        GuideScript.Curl curl =
                GuideScript.curl(GuideScript.words(line, variables::get).words());
        URI url = URI.create(curl.url()
                .replace("http://localhost:8321", stack.server.baseUri().toString()));
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        curl.headers().forEach(request::header);
        request.method(
                curl.method(),
                curl.data() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(curl.data()));
        return stack.send(request.build());
    }

    private HttpResponse<String> runOnly(String name) throws IOException {
        List<String> lines = GuideScript.lines(script(name));
        assertThat(lines).hasSize(1);
        HttpResponse<String> response = run(lines.get(0), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** Served completions carry the normalized id of their recording (live ones the provider's) and a counter. */
    private static String idPattern() {
        return stack.server.harness().mode() == Mode.REPLAY ? "rec-[0-9a-f]{12}-[0-9]+" : "\\S+-[0-9]+";
    }

    private static String content(HttpResponse<String> response) {
        return JSON.readTree(response.body()).at("/choices/0/message/content").asString();
    }

    @Test
    void example1NonStreamingAnswersWithAnIdUsageAndTheModel() throws IOException {
        JsonNode body = JSON.readTree(runOnly("1-non-streaming.sh").body());
        assertThat(body.at("/choices/0/message/content").asString()).contains("**Earth**");
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(body.at("/id").asString()).matches(idPattern());
        assertThat(body.at("/model").asString()).isEqualTo("openai.gpt-oss-20b-1:0");
        assertThat(body.at("/usage/total_tokens").asInt()).isPositive();
    }

    @Test
    void example2StreamsServerSentEventsEndingWithDone() throws IOException {
        HttpResponse<String> response = runOnly("2-streaming.sh");
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring("data: ".length()));
            }
        }
        assertThat(data).hasSizeGreaterThan(3).last().isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        String id = null;
        for (String event : data.subList(0, data.size() - 1)) {
            JsonNode chunk = JSON.readTree(event);
            id = id == null ? chunk.get("id").asString() : id;
            assertThat(chunk.get("id").asString()).isEqualTo(id);
            text.append(chunk.at("/choices/0/delta/content").asString(""));
        }
        assertThat(text.toString()).contains("1, 2, 3, 4, 5");
        assertThat(id).matches(idPattern());
    }

    @Test
    void example3MultiTurnRemembersTheName() throws IOException {
        assertThat(content(runOnly("3-multi-turn.sh"))).contains("Alice");
    }

    @Test
    void example4SystemMessageSetsThePersona() throws IOException {
        assertThat(content(runOnly("4-system-message.sh"))).contains("Ahoy");
    }

    @Test
    void example5SamplingParametersAreAccepted() throws IOException {
        assertThat(content(runOnly("5-sampling-parameters.sh"))).contains("Lines of logic flow");
    }

    /** The smoke-test script, step by step: discover the model from /v1/models as its jq filter does, then ask. */
    @Test
    void smokeTestDiscoversTheBedrockModelAndGetsAnAnswer() throws IOException {
        Map<String, String> variables = new HashMap<>();
        List<String> output = new ArrayList<>();
        for (String line : GuideScript.lines(script("smoke-test.sh"))) {
            if (line.startsWith("export BASE_URL=")) {
                variables.put("BASE_URL", "http://localhost:8321");
            } else if (line.startsWith("MODEL_ID=$(")) {
                String inner = line.substring("MODEL_ID=$(".length(), line.length() - 1);
                assertThat(inner)
                        .contains("jq -r '.data[] | select(.identifier | contains(\"bedrock\")) | .identifier'");
                HttpResponse<String> models = run(inner, variables);
                String model = null;
                for (JsonNode entry : JSON.readTree(models.body()).get("data")) {
                    if (model == null && entry.get("identifier").asString().contains("bedrock")) {
                        model = entry.get("identifier").asString();
                    }
                }
                variables.put("MODEL_ID", model);
            } else if (line.startsWith("echo ")) {
                output.add(GuideScript.words(line, variables::get)
                        .words()
                        .subList(1, 2)
                        .get(0));
            } else if (line.startsWith("curl ")) {
                assertThat(GuideScript.words(line, variables::get).pipeline())
                        .isEqualTo("jq -r '.choices[0].message.content'");
                HttpResponse<String> answer = run(line, variables);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                output.add(content(answer));
            } else {
                throw new AssertionError("a line of the smoke test this test does not know: " + line);
            }
        }
        // gpt-oss on Bedrock puts its reasoning inline, before the answer; the stack passes content through as Llama
        // Stack does.
        assertThat(output).hasSize(4);
        assertThat(output.subList(0, 2))
                .containsExactly("Using model: bedrock/openai.gpt-oss-20b-1:0", "Testing non-streaming...");
        assertThat(output.get(2)).startsWith("<reasoning>").endsWith("</reasoning>Hello there, friend!");
        assertThat(output.get(3)).isEqualTo("Test complete!");
    }

    @Test
    void replayingSendsNothingToTheProvider() throws IOException {
        assumeTrue(stack.server.harness().mode() == Mode.REPLAY, "only in replay mode (this run records)");
        runOnly("1-non-streaming.sh");
        runOnly("2-streaming.sh");
        assertThat(stack.emulator.requestCount()).isZero();
    }

    @Test
    void everyAnsweredCompletionIsInTheStoreWithItsInputMessages() throws IOException {
        HttpResponse<String> answered = runOnly("3-multi-turn.sh");
        String id = JSON.readTree(answered.body()).get("id").asString();
        JsonNode stored = JSON.readTree(stack.get("/v1/chat/completions/" + id).body());
        assertThat(stored.get("id").asString()).isEqualTo(id);
        assertThat(stored.at("/input_messages/2/content").asString()).isEqualTo("What is my name?");
        assertThat(stored.at("/choices/0/message/content").asString()).contains("Alice");
        JsonNode list =
                JSON.readTree(stack.get("/v1/chat/completions?limit=100").body());
        assertThat(list.get("data").findValuesAsString("id")).contains(id);
    }

    /** The scripts in stack-server/guide are the guide's own, byte for byte. */
    @Test
    void guideScriptsAreTheGuidesVerbatim() throws IOException {
        assumeTrue(Files.isRegularFile(SEED), "the guide is not at " + SEED + " (../shared is absent)");
        String guide = Files.readString(SEED);
        String examples = guide.substring(guide.indexOf("## cURL Examples"), guide.indexOf("## Stack Configuration"));
        Matcher blocks = Pattern.compile("\n### ([^\n]+)\n.*?```bash\n(.*?)```", Pattern.DOTALL)
                .matcher(examples);
        Map<String, String> byTitle = new HashMap<>();
        while (blocks.find()) {
            byTitle.put(blocks.group(1), blocks.group(2));
        }
        assertThat(script("1-non-streaming.sh")).isEqualTo(byTitle.get("Example 1: Non-Streaming Chat Completion"));
        assertThat(script("2-streaming.sh")).isEqualTo(byTitle.get("Example 2: Streaming Chat Completion"));
        assertThat(script("3-multi-turn.sh")).isEqualTo(byTitle.get("Example 3: Multi-turn Conversation"));
        assertThat(script("4-system-message.sh")).isEqualTo(byTitle.get("Example 4: System Messages"));
        assertThat(script("5-sampling-parameters.sh")).isEqualTo(byTitle.get("Example 5: Sampling Parameters"));
        assertThat(script("smoke-test.sh")).isEqualTo(byTitle.get("Quick Smoke Test Script"));
    }

    /**
     * With bash, curl and jq installed, the scripts run unchanged against a server on the guide's
     * port 8321 (skipped when a tool is missing or the port is taken).
     */
    @Test
    void scriptsRunVerbatimWithBashCurlAndJq(@TempDir Path store) throws Exception {
        for (String tool : List.of("bash", "curl", "jq")) {
            assumeTrue(onPath(tool), tool + " is not on PATH");
        }
        assumeTrue(portFree(8321), "port 8321 is taken");
        try (StackServer onGuidePort = StackServer.builder(stack.config, stack.server.harness())
                .port(8321)
                .storePath(store.resolve("sql_store.db"))
                .build()
                .start()) {
            assertThat(bash("1-non-streaming.sh"))
                    .contains("\"content\": \"<reasoning>")
                    .contains("Humans live on **Earth**");
            assertThat(bash("2-streaming.sh")).contains("data: [DONE]");
            assertThat(bash("3-multi-turn.sh")).contains("Alice").doesNotContain("\"choices\"");
            assertThat(bash("4-system-message.sh")).contains("Ahoy");
            assertThat(bash("5-sampling-parameters.sh")).contains("Lines of logic flow");
            assertThat(bash("smoke-test.sh"))
                    .startsWith(
                            "Using model: bedrock/openai.gpt-oss-20b-1:0\nTesting" + " non-streaming...\n<reasoning>")
                    .endsWith("</reasoning>Hello there, friend!\nTest complete!\n");
            assertThat(onGuidePort.store().count()).isEqualTo(6);
        }
    }

    private static String bash(String script) throws Exception {
        Process process = new ProcessBuilder("bash", GUIDE.resolve(script).toString())
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script + ": " + err).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
