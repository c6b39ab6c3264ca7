package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bedrock guide's Python SDK examples 1–6 and its smoke test, translated line for line to Node's
 * official {@code openai} package ({@code stack-server/guide/node}, installed with {@code npm ci} from
 * its committed lock file into {@code target/node-guide}), run with {@code node} against {@code serve}
 * replaying the committed recordings. Skipped, saying so, when {@code node} or {@code npm} is not on
 * the PATH.
 */
@DisplayName("The guide's Python examples, translated to Node's openai package, get the guide's answers from serve")
class NodeGuideExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SOURCES =
            TestStack.repositoryRecordings().getParent().resolve("stack-server/guide/node");
    private static final Path INSTALLED = Path.of("target/node-guide").toAbsolutePath();

    @TempDir
    static Path dir;

    static TestStack stack;

    @BeforeAll
    static void install() throws Exception {
        for (String tool : List.of("node", "npm")) {
            assumeTrue(
                    onPath(tool),
                    tool + " is not on the PATH: the Node translation of the guide's examples is skipped");
        }
        Files.createDirectories(INSTALLED);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(
                        file, INSTALLED.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), 300);
        assertThat(npm.exit())
                .as("npm ci in %s failed:\n%s\n%s", INSTALLED, npm.out(), npm.err())
                .isZero();
        stack = TestStack.start(
                dir,
                null,
                TestStack.repositoryRecordings(),
                builder -> builder.onRecordingUse(use -> {
                    if (use.file() != null) {
                        ReplayReport.used(NodeGuideExamplesTest.class, use.file());
                    }
                }));
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
            ReplayReport.write(stack.server.harness().mode().value());
        }
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(INSTALLED.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s; it printed:\n" + out);
        }
        return new Result(process.exitValue(), out, err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code node <script>} against the server and returns what it printed. */
    private static String node(String script) throws Exception {
        String base = stack.server.baseUri().toString();
        Result result = run(List.of("node", script), Map.of("LLAMA_STACK_BASE_URL", base, "BASE_URL", base), 60);
        assertThat(result.exit())
                .as("node %s:\n%s\n%s", script, result.out(), result.err())
                .isZero();
        return result.out();
    }

    @Test
    @DisplayName("1: Response: Humans live on **Earth**… and the tokens used")
    void example1() throws Exception {
        assertThat(node("example1.mjs"))
                .containsPattern("(?s)^Response: .*Humans live on \\*\\*Earth\\*\\*.*\nTokens used: [1-9][0-9]*\n$");
    }

    @Test
    @DisplayName("2: Streaming response: … The Latin name for the Sun is **Sol**.")
    void example2() throws Exception {
        assertThat(node("example2.mjs"))
                .startsWith("Streaming response: ")
                .endsWith("The Latin name for the Sun is **Sol**.\n");
    }

    @Test
    @DisplayName("3: the response mentions Alice (context retained)")
    void example3() throws Exception {
        assertThat(node("example3.mjs")).startsWith("Response: ").contains("Alice");
    }

    @Test
    @DisplayName("4: Shakespeare answers in Shakespearean English")
    void example4() throws Exception {
        assertThat(node("example4.mjs")).startsWith("Shakespeare: ").contains("Thou speakest");
    }

    @Test
    @DisplayName("5: both sampling settings get their haiku")
    void example5() throws Exception {
        JsonNode haiku = JSON.readTree(node("example5.mjs"));
        assertThat(haiku.get("low").asString()).contains("Lines of logic flow");
        assertThat(haiku.get("high").asString()).contains("Lines of logic flow");
    }

    @Test
    @DisplayName("6: the wrapper returns the answer to Hello!, and reports an unknown model as not found")
    void example6() throws Exception {
        String[] lines = node("example6.mjs").split("\n");
        assertThat(JSON.readTree(lines[0]).get("result").asString()).contains("Hello!");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("Model not found: bedrock/no-such-model");
    }

    @Test
    @DisplayName("the smoke test discovers the Bedrock model from /v1/models and gets its three words")
    void smokeTest() throws Exception {
        String output = node("smoke-test.mjs");
        assertThat(output)
                .startsWith("Using model: bedrock/openai.gpt-oss-20b-1:0\nTesting non-streaming...\n<reasoning>")
                .endsWith("</reasoning>Hello there, friend!\nTest complete!\n");
    }

    /**
     * Line for line: every string the guide's Python example holds (prompts, roles, printed labels) is in
     * its Node translation; skipped when the guide is not beside the repository.
     */
    @Test
    @DisplayName("each translation holds every string of its Python example")
    void translationsKeepEveryStringOfTheGuide() throws IOException {
        Path seed = TestStack.repositoryRecordings()
                .getParent()
                .resolve("../shared/seeds/000_215b9f7df666116a.txt")
                .normalize();
        assumeTrue(Files.isRegularFile(seed), "the guide is not at " + seed + " (../shared is absent)");
        String guide = Files.readString(seed);
        String python = guide.substring(guide.indexOf("## Python SDK Examples"), guide.indexOf("## cURL Examples"));
        java.util.regex.Matcher blocks = java.util.regex.Pattern.compile(
                        "\n### Example ([1-6]):[^\n]*\n+```python\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(python);
        int examples = 0;
        while (blocks.find()) {
            examples++;
            String node = Files.readString(SOURCES.resolve("example" + blocks.group(1) + ".mjs"));
            // Python's string literals; an f-string's {placeholders} become ${…} in JavaScript, so only the text around
            // them must match.
            java.util.regex.Matcher strings =
                    java.util.regex.Pattern.compile("\"([^\"\n]*)\"").matcher(blocks.group(2));
            while (strings.find()) {
                for (String text : strings.group(1).split("\\{[^}]*}")) {
                    assertThat(node)
                            .as("example%s.mjs keeps the guide's \"%s\"", blocks.group(1), strings.group(1))
                            .contains(text);
                }
            }
        }
        assertThat(examples).isEqualTo(6);
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }
}
