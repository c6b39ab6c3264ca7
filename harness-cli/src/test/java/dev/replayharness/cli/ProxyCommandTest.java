package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.store.RunReportFile;
import dev.replayharness.proxy.ReplayProxy;

@DisplayName("harness proxy")
class ProxyCommandTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @TempDir
    Path reports;

    /** The command started in-process as `harness proxy ARGS`, its output, and its exit code once stopped. */
    private record Running(ProxyCommand command, URI base, CompletableFuture<Integer> exit, StringWriter out) {
        int stop() throws Exception {
            command.stop();
            return exit.get(60, TimeUnit.SECONDS);
        }
    }

    private static Running start(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        ProxyCommand command = cli.getSubcommands().get("proxy").getCommand(); // registered in HarnessCli
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        URI base = command.started().get(60, TimeUnit.SECONDS);
        return new Running(command, base, exit, out);
    }

    @Test
    @DisplayName("starts on port 0, replays a recording for the test named in the header, and stops gracefully,"
            + " writing a run report that harness unused reads")
    void replaysOneRequest() throws Exception {
        Harness harness = Harness.builder()
                .recordingsDirectory(root)
                .namespace("demo")
                .mode(Mode.RECORD)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
        try (HarnessSession session = harness.session("Demo#test")) {
            ExchangePlan plan = session.plan(new OutgoingRequest(
                    "POST",
                    URI.create("http://127.0.0.1:1/v1/chat/completions"),
                    Headers.empty(),
                    "{\"q\":\"json\"}".getBytes(StandardCharsets.UTF_8)));
            ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElseThrow();
            recorder.started(
                    200,
                    Headers.builder().add("content-type", "application/json").build());
            byte[] body = "{\"answer\":42}".getBytes(StandardCharsets.UTF_8);
            recorder.chunk(body, 0, body.length);
            recorder.completed();
        }

        Running proxy = start(
                "proxy",
                "--upstream",
                "http://127.0.0.1:1",
                "--port",
                "0",
                "--recordings",
                root.toString(),
                "--namespace",
                "demo",
                "--mode",
                "replay",
                "--report",
                reports.resolve("harness-report-proxy.json").toString());
        assertThat(proxy.base().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.base().resolve("/v1/chat/completions"))
                        .header(ReplayProxy.TEST_HEADER, "Demo#test")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"json\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"answer\":42}");

        assertThat(proxy.stop()).isZero();
        assertThat(proxy.out().toString())
                .contains("Replay Harness proxy on " + proxy.base()
                        + " for http://127.0.0.1:1 (mode replay, namespace demo")
                .contains(ReplayProxy.TEST_HEADER)
                .contains("stopped");

        RunReportFile.Report report = RunReportFile.read(reports.resolve("harness-report-proxy.json"));
        Path recording;
        try (var list = Files.list(root.resolve("demo"))) {
            recording = list.findFirst().orElseThrow();
        }
        assertThat(report.tests())
                .containsExactly(new RunReportFile.Test(
                        "Demo#test",
                        "demo",
                        "replay",
                        List.of(new RunReportFile.Use(
                                "REPLAYED", "POST", "/v1/chat/completions", "demo/" + recording.getFileName()))));
        StringWriter unused = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(unused, true));
        int exit = cli.execute("unused", root.toString(), "--report", reports.toString());
        assertThat(unused.toString()).contains("unused: 0 of 1 recordings");
        assertThat(exit).isZero();
    }

    @Test
    @DisplayName("in record mode, stopping writes the recordings, normalized with --normalize openai-compatible")
    void recordsAndWritesOnStop() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"id\":\"chatcmpl-volatile\",\"created\":1732233600,\"choices\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        try {
            Running proxy = start(
                    "proxy",
                    "--upstream",
                    "http://127.0.0.1:" + upstream.getAddress().getPort(),
                    "--port",
                    "0",
                    "--recordings",
                    root.toString(),
                    "--namespace",
                    "cli",
                    "--mode",
                    "record",
                    "--normalize",
                    "openai-compatible");
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(proxy.base().resolve("/v1/chat/completions"))
                            .header(ReplayProxy.TEST_HEADER, "Cli#records")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"q\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()) // the client gets the answer as replay will give it
                    .contains("\"id\":\"rec-", "\"created\":0")
                    .doesNotContain("chatcmpl-volatile");
            assertThat(root.resolve("cli")).doesNotExist(); // written when the session closes
            assertThat(proxy.stop()).isZero();
        } finally {
            upstream.stop(0);
        }
        List<Path> files;
        try (var list = Files.list(root.resolve("cli"))) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0)))
                .contains(
                        "\"testId\": \"Cli#records\"", "\"source\": \"emulator\"", "\"created\": 0", "\"id\": \"rec-");
    }

    @Test
    @DisplayName("a bad --mode or --upstream fails with one line naming the value and the fix")
    void badOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute(
                        "proxy",
                        "--upstream",
                        "http://127.0.0.1:1",
                        "--port",
                        "0",
                        "--recordings",
                        root.toString(),
                        "--mode",
                        "bogus"))
                .isEqualTo(1);
        assertThat(out.toString())
                .contains("Invalid harness mode 'bogus' from option --mode", "replay, record-if-missing");

        StringWriter out2 = new StringWriter();
        CommandLine cli2 = HarnessCli.commandLine();
        cli2.setErr(new PrintWriter(out2, true));
        assertThat(cli2.execute(
                        "proxy",
                        "--upstream",
                        "ftp://example.com",
                        "--port",
                        "0",
                        "--recordings",
                        root.toString(),
                        "--mode",
                        "replay"))
                .isEqualTo(1);
        assertThat(out2.toString()).contains("Invalid upstream 'ftp://example.com'", "https://api.openai.com");
    }
}
