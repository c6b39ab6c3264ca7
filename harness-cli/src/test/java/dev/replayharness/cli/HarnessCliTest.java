package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.core.store.RunReportFile;

@DisplayName("The recordings toolbox")
class HarnessCliTest {
    @TempDir
    Path root;

    Path json;
    Path stream;

    record Result(int exit, String out) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString());
    }

    /** Records two exchanges without any network: the recorder is fed by hand. */
    @BeforeEach
    void record() throws Exception {
        Harness harness = Harness.builder()
                .recordingsDirectory(root)
                .namespace("demo")
                .mode(Mode.RECORD)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
        try (HarnessSession session = harness.session("Demo#test")) {
            feed(session, "{\"q\":\"json\"}", "application/json", "{\"answer\":42}");
            feed(
                    session,
                    "{\"q\":\"stream\"}",
                    "text/event-stream",
                    "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n");
        }
        List<Path> files = RecordingsFolder.at(root).jsonEntries();
        assertThat(files).hasSize(2);
        json = files.stream()
                .filter(f -> read(f).contains("\"answer\""))
                .findFirst()
                .orElseThrow();
        stream = files.stream().filter(f -> !f.equals(json)).findFirst().orElseThrow();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void feed(HarnessSession session, String body, String contentType, String response) {
        ExchangePlan plan = session.plan(new OutgoingRequest(
                "POST",
                URI.create("http://127.0.0.1:1/v1/chat/completions"),
                Headers.empty(),
                body.getBytes(StandardCharsets.UTF_8)));
        ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElseThrow();
        recorder.started(200, Headers.builder().add("content-type", contentType).build());
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        recorder.chunk(bytes, 0, bytes.length);
        recorder.completed();
    }

    @Nested
    @DisplayName("verify")
    class Verify {
        @Test
        @DisplayName("passes good recordings")
        void good() {
            Result result = run("verify", root.toString());
            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo("verify: 2 recordings OK in " + root + "\n");
        }

        @Test
        @DisplayName("fails a recording edited by hand to hold a token, naming file and line, not the token")
        void token() throws Exception {
            // A canary in a short-term key's shape, built here so that no credential-shaped literal is committed.
            String token = "bedrock-api-key-"
                    + java.util.Base64.getEncoder()
                            .encodeToString(
                                    "BedrockKeyThatShouldNotBeHere".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.writeString(json, read(json).replace("\"answer\": 42", "\"answer\": \"" + token + "\""));
            Result result = run("verify", root.toString());
            assertThat(result.exit()).isEqualTo(1);
            int line = read(json)
                            .lines()
                            .toList()
                            .indexOf(read(json)
                                    .lines()
                                    .filter(l -> l.contains(token))
                                    .findFirst()
                                    .orElseThrow())
                    + 1;
            assertThat(result.out())
                    .contains(json + ":" + line + ": holds a credential-like string; replace it with REDACTED")
                    .doesNotContain(token)
                    .endsWith("verify: 1 problem(s) in 2 files in " + root + "\n");
        }

        @Test
        @DisplayName("fails a misnamed, a damaged, and a stray file, one line each")
        void damaged() throws Exception {
            Path renamed = json.resolveSibling("0".repeat(64) + ".json");
            Files.move(json, renamed);
            Files.writeString(stream, "{\"format\": 2}");
            Files.writeString(root.resolve("demo").resolve("notes.txt"), "hello");
            Result result = run("verify", root.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out().lines())
                    .containsExactlyInAnyOrder(
                            renamed + ": named for key " + "0".repeat(64) + " but its request hashes to "
                                    + json.getFileName().toString().replace(".json", "")
                                    + "; run `harness rehash` after a deliberate change, else re-record it",
                            stream
                                    + ": field 'format' is 2, a format version this harness does not know (it reads version 1). "
                                    + "Upgrade Replay Harness, or re-record the file.",
                            root.resolve("demo").resolve("notes.txt")
                                    + ": not a recording file name (<64 hex digits>[-<n>].json); move or delete it",
                            "verify: 3 problem(s) in 3 files in " + root);
        }

        @Test
        @DisplayName("fails a <key>.json that is a folder or a link loop with the message replay gives")
        void notARegularFile() throws Exception {
            Files.delete(json);
            Files.createDirectory(json);
            Files.delete(stream);
            Files.createSymbolicLink(stream, stream.getFileName());
            Result result = run("verify", root.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out().lines())
                    .hasSize(3)
                    .contains(json + ": is a directory, not a recording file; delete or move it, then re-record")
                    .contains(stream
                            + ": is a symbolic link that cannot be followed (a loop, or a missing target); replace it"
                            + " with the recording file, or delete it and re-record")
                    .contains("verify: 2 problem(s) in 2 files in " + root);
        }

        @Test
        @DisplayName("sweeps the stale temporary file a killed recording left instead of failing on it")
        void sweepsTemporaryFile() throws Exception {
            Path temporary = json.resolveSibling("." + json.getFileName() + "123456789.tmp");
            Files.writeString(temporary, "{\"format\": 1, \"sourc");
            Files.setLastModifiedTime(
                    temporary,
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                            .minus(RecordingsFolder.STALE_TEMPORARY)
                            .minusSeconds(1)));
            Result result = run("verify", root.toString());
            assertThat(result.exit()).isZero();
            assertThat(result.out())
                    .isEqualTo(temporary + ": deleted, the temporary file of an interrupted write\n"
                            + "verify: 2 recordings OK in " + root + "\n");
            assertThat(temporary).doesNotExist();
        }

        @Test
        @DisplayName("names a recordings path that is a file as a file")
        void fileNotFolder() throws Exception {
            Path plain = Files.writeString(root.resolve("plain"), "x");
            Result result = run("verify", plain.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .isEqualTo(
                            "harness verify: " + plain.toAbsolutePath()
                                    + " is a file, not a folder. Run from the repository root, or name the recordings folder.\n");
        }

        @Test
        @DisplayName("names a missing folder")
        void missingFolder() {
            Result result = run("verify", root.resolve("nope").toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .isEqualTo("harness verify: " + root.resolve("nope").toAbsolutePath()
                            + " is not a folder. Run from the repository root, or name the recordings folder.\n");
        }
    }

    @Test
    @DisplayName("list: one line per recording")
    void list() {
        Result result = run("list", root.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains(root.relativize(json) + "  POST /v1/chat/completions  200  json  emulator  Demo#test")
                .contains(root.relativize(stream)
                        + "  POST /v1/chat/completions  200  stream (3 events)  emulator  Demo#test")
                .endsWith("2 recordings\n");
    }

    @Test
    @DisplayName("show: a stream's event count and concatenated text")
    void show() {
        Result result = run("show", stream.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("POST http://127.0.0.1/v1/chat/completions")
                .contains("HTTP 200")
                .contains("3 events; text:\nHello");
    }

    @Test
    @DisplayName("rehash: renames a file to the key of its request, keeping the occurrence suffix")
    void rehash() throws Exception {
        Path wrong = json.resolveSibling("f".repeat(64) + "-2.json");
        Files.move(json, wrong);
        Result result = run("rehash", root.toString());
        assertThat(result.exit()).isZero();
        Path expected = json.resolveSibling(json.getFileName().toString().replace(".json", "-2.json"));
        assertThat(expected).exists();
        assertThat(result.out())
                .contains(wrong + " -> " + expected.getFileName())
                .endsWith("rehash: 1 renamed\n");
        assertThat(run("verify", root.toString()).exit()).isZero();
    }

    @Nested
    @DisplayName("unused")
    class Unused {
        @Test
        @DisplayName("lists recordings no report names, exits 1, and deletes them with --delete")
        void unused() throws Exception {
            Path report = Files.writeString(
                    root.resolve("report.json"),
                    "{\"formatVersion\":1,\"tests\":[{\"testId\":\"Demo#test\",\"recordings\":[{\"file\":\"demo/"
                            + json.getFileName() + "\"}]}]}");
            Result result = run("unused", root.resolve("demo").getParent().toString(), "--report", report.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains(stream + ": used by no test").doesNotContain(json.toString() + ":");
            Result deleted = run("unused", root.toString(), "--report", report.toString(), "--delete");
            assertThat(deleted.exit()).isZero();
            assertThat(stream).doesNotExist();
            assertThat(json).exists();
        }

        @Test
        @DisplayName("a file that is not a run report is an error naming it, and --delete deletes nothing")
        void notAReport() throws Exception {
            Path other = Files.writeString(root.resolve("other.json"), "{\"entries\": []}");
            Result result = run("unused", root.toString(), "--report", other.toString(), "--delete");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains("Run report " + other + " is not a run report");
            assertThat(json).exists();
            assertThat(stream).exists();
        }

        @Test
        @DisplayName("without a report, says to run the tests first")
        void noReport() {
            Result result = run(
                    "unused",
                    root.toString(),
                    "--report",
                    root.resolve("missing.json").toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .startsWith("harness unused: Cannot read run report " + root.resolve("missing.json"))
                    .doesNotContain("\tat ");
        }
    }

    /** Where a CI build collects the reports of its shards. */
    @TempDir
    Path ci;

    /** A report as the extension, the proxy or serve writes it, of one test that used {@code files}. */
    Path shardReport(String shard, String testId, String outcome, Path... files) throws Exception {
        List<RunReportFile.Use> uses = new java.util.ArrayList<>();
        for (Path file : files) {
            uses.add(new RunReportFile.Use(outcome, "POST", "/v1/chat", RunReportFile.relative(root, file)));
        }
        if (files.length == 0) {
            uses.add(new RunReportFile.Use(outcome, "POST", "/v1/chat", null));
        }
        Path report = ci.resolve("shards").resolve(shard).resolve("harness-report.json");
        RunReportFile.write(
                report,
                new RunReportFile.Report(
                        null, root.toString(), List.of(new RunReportFile.Test(testId, "demo", "replay", uses))));
        return report;
    }

    @Nested
    @DisplayName("over several reports (CI shards)")
    class Shards {
        @Test
        @DisplayName("unused reads every harness-report*.json below a folder: a recording one shard used is used")
        void unusedOverAFolder() throws Exception {
            shardReport("shard-1", "A#json", "REPLAYED", json);
            shardReport("shard-2", "B#stream", "REPLAYED", stream);

            Result both = run(
                    "unused", root.toString(), "--report", ci.resolve("shards").toString());
            assertThat(both.exit()).isZero();
            assertThat(both.out()).contains("unused: 0 of 2 recordings (reports: 2)");

            Result one = run(
                    "unused",
                    root.toString(),
                    "--report",
                    ci.resolve("shards/shard-1").toString());
            assertThat(one.exit()).isEqualTo(1);
            assertThat(one.out()).contains(stream + ": used by no test");
        }

        @Test
        @DisplayName("a folder without a report is an error that names it")
        void emptyFolder() throws Exception {
            Path empty = Files.createDirectories(ci.resolve("no-reports"));
            Result result = run("unused", root.toString(), "--report", empty.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains("No run report (harness-report*.json) below " + empty);
        }

        @Test
        @DisplayName("summary prints one line per namespace over every report, exit 1 when one missed")
        void summary() throws Exception {
            shardReport("shard-1", "A#json", "REPLAYED", json);
            shardReport("shard-2", "B#stream", "REPLAYED", stream);

            Result replayed = run("summary", ci.resolve("shards").toString());
            assertThat(replayed.exit()).isZero();
            assertThat(replayed.out())
                    .contains("Replay Harness [demo]: 2 replayed, 0 recorded, 0 missed, 0 live in 2 tests")
                    .contains("summary: 2 tests in 2 reports");

            shardReport("shard-3", "C#new", "MISSED");
            Result missed = run("summary", ci.resolve("shards").toString());
            assertThat(missed.exit()).isEqualTo(1);
            assertThat(missed.out())
                    .contains("Replay Harness [demo]: 2 replayed, 0 recorded, 1 missed, 0 live in 3 tests");
        }

        @Test
        @DisplayName("summary names a file that is not a run report")
        void notAReport() throws Exception {
            Path other = Files.writeString(ci.resolve("harness-report-x.json"), "{\"tests\": 1}");
            Result result = run("summary", other.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains("Run report " + other + " is not a run report");
        }
    }

    @Nested
    @DisplayName("import-llama-stack")
    class ImportLlamaStack {
        Path fixtures;

        @BeforeEach
        void fixtures() {
            Path repository = Path.of("").toAbsolutePath();
            while (repository.getParent() != null
                    && Files.exists(repository.getParent().resolve("pom.xml"))) {
                repository = repository.getParent();
            }
            fixtures =
                    repository.resolve("../shared/fixtures/llama-stack-bedrock").normalize();
        }

        @Test
        @DisplayName(
                "imports both real fixture folders, one line per file imported or skipped, and the result verifies")
        void realFixtures() {
            assumeTrue(Files.isDirectory(fixtures.resolve("responses")), fixtures + " (with responses/) is absent");
            Path into = root.resolve("bedrock");
            Result result = run(
                    "import-llama-stack",
                    fixtures.toString(),
                    fixtures.resolve("responses").toString(),
                    "--into",
                    into.toString());
            assertThat(result.exit()).isZero();
            List<String> lines = result.out().lines().toList();
            assertThat(lines)
                    .filteredOn(l -> l.startsWith("skipped "))
                    .containsExactly(
                            "skipped " + fixtures.resolve("LICENSE") + ": not a .json file",
                            "skipped " + fixtures.resolve("README.md") + ": not a .json file",
                            "skipped " + fixtures.resolve("responses")
                                    + ": a folder (name it as a source of its own to import it)");
            assertThat(lines)
                    .filteredOn(l -> l.startsWith("imported " + fixtures))
                    .hasSize(14);
            assertThat(lines)
                    .filteredOn(l -> l.endsWith(" (test llama-stack:tests/integration/responses/test_basic_responses.py"
                            + "::test_include_logprobs_streaming[txt=bedrock/openai.gpt-oss-20b-1:0])"))
                    .hasSize(1);
            assertThat(lines)
                    .last()
                    .isEqualTo("imported 14 recordings into " + into + " (12 shared, 2 test-scoped); skipped 3");
            assertThat(run("verify", into.toString()).exit()).isZero();
        }

        @Test
        @DisplayName("a folder with a bad file: one line naming it and its field, nothing written, exit 1")
        void badFile() throws Exception {
            Path source = Files.createDirectories(root.resolve("llama"));
            Files.writeString(
                    source.resolve("a.json"),
                    "{\"request\":{\"url\":\"https://h/v1/chat/completions\"},"
                            + "\"response\":{\"body\":{\"id\":\"1\"}}}");
            Path bad = Files.writeString(
                    source.resolve("b.json"),
                    "{\"request\":{\"url\":\"https://h/v1/chat/completions\"},"
                            + "\"response\":{\"is_exception\":true,\"exception_data\":{\"status_code\":\"x\"}}}");
            Path into = root.resolve("out");
            Result result = run("import-llama-stack", source.toString(), "--into", into.toString());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .isEqualTo("harness import-llama-stack: Llama Stack import from " + source + " wrote nothing: "
                            + "1 file cannot be imported.\nRecording " + bad
                            + ": 'response.exception_data.status_code' is \"x\"; "
                            + "it must be an HTTP status, a whole number from 100 to 599.\n");
            assertThat(into).doesNotExist();
        }

        @Test
        @DisplayName("an unknown --scope is refused with the names that work")
        void badScope() {
            Result result = run("import-llama-stack", root.toString(), "--scope", "all");
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.out()).contains("'all' is not a scope; use auto, shared or test");
        }
    }

    @Nested
    @DisplayName("ci-matrix")
    class CiMatrix {
        Path matrix;

        @BeforeEach
        void setups() throws Exception {
            Files.createDirectories(root.resolve("suites").resolve("setups"));
            Files.writeString(root.resolve("suites/setups/bedrock.properties"), "description=x\n");
            matrix = root.resolve("suites").resolve("ci-matrix.json");
        }

        @Test
        @DisplayName("prints the Maven arguments of each entry")
        void entries() throws Exception {
            Files.writeString(
                    matrix,
                    "{\"entries\":[{\"suite\":\"bedrock\",\"setup\":\"bedrock\",\"mode\":\"replay\",\"notes\":\"n\"}]}");
            Result result = run("ci-matrix", matrix.toString(), "--replay-only");
            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo("-Dsuite=bedrock -Dsetup=bedrock -Dharness.mode=replay\n");
        }

        @Test
        @DisplayName("refuses a record entry in CI, an unknown setup, and an unknown mode")
        void refuses() throws Exception {
            Files.writeString(
                    matrix, "{\"entries\":[{\"suite\":\"bedrock\",\"setup\":\"bedrock\",\"mode\":\"record\"}]}");
            assertThat(run("ci-matrix", matrix.toString(), "--replay-only").out())
                    .isEqualTo("harness ci-matrix: " + matrix
                            + ": entries[0]: mode is record, but CI runs only replay (it has no credentials)\n");
            Files.writeString(matrix, "{\"entries\":[{\"suite\":\"bedrock\",\"setup\":\"nope\",\"mode\":\"replay\"}]}");
            assertThat(run("ci-matrix", matrix.toString()).out()).contains("entries[0]: setup 'nope' has no file");
            assertThat(run("ci-matrix", root.resolve("nope.json").toString()).out())
                    .isEqualTo("harness ci-matrix: "
                            + root.resolve("nope.json").toAbsolutePath()
                            + " does not exist. Run from the repository root, "
                            + "or name the matrix file (suites/ci-matrix.json).\n");
            Files.writeString(
                    matrix, "{\"entries\":[{\"suite\":\"bedrock\",\"setup\":\"bedrock\",\"mode\":\"replya\"}]}");
            assertThat(run("ci-matrix", matrix.toString()).out())
                    .contains("Invalid harness mode 'replya' from " + matrix + ": entries[0].mode");
        }
    }

    @Test
    @DisplayName("no command: a usage error")
    void noCommand() {
        Result result = run();
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out())
                .contains(
                        "Name a command: verify, list, show, unused, summary, import-llama-stack, rehash, ci-matrix, proxy or serve");
    }
}
