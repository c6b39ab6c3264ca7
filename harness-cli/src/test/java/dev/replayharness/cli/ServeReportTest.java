package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.replayharness.core.store.RunReportFile;

@DisplayName("harness serve's run report")
class ServeReportTest {
    @TempDir
    Path dir;

    static Path repositoryFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(
                relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    @DisplayName("names every recording the completions replayed once the server stops, so harness unused counts it")
    void namesTheReplayedRecordings() throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(
                yaml,
                Files.readString(repositoryFile("bedrock-provider/bedrock-run.yaml"))
                        .replace(
                                "${env.SQLITE_STORE_DIR:=./.llama}",
                                dir.resolve("store").toString()));
        Path report = dir.resolve("reports/harness-report-serve.json");
        ServeCommand serve = new ServeCommand();
        AtomicReference<String> answer = new AtomicReference<>();
        serve.onStarted = server -> {
            try {
                answer.set(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(server.baseUri().resolve("/v1/chat/completions"))
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\"bedrock/openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":"
                                                        + "\"user\",\"content\":\"Which planet do humans live on?\"}],"
                                                        + "\"stream\":false}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
            } catch (Exception e) {
                answer.set(e.toString());
            } finally {
                serve.stop();
            }
        };
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(serve);
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(out));
        int exit = command.execute(
                yaml.toString(),
                "--port",
                "0",
                "--mode",
                "replay",
                "--recordings",
                repositoryFile("recordings").toString(),
                "--report",
                report.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(answer.get()).contains("Earth");
        List<RunReportFile.Test> tests = RunReportFile.read(report).tests();
        assertThat(tests).hasSize(1);
        assertThat(tests.get(0).testId()).isEqualTo("harness serve run.yaml");
        assertThat(tests.get(0).namespace()).isEqualTo("stack-server");
        assertThat(tests.get(0).recordings()).singleElement().satisfies(use -> {
            assertThat(use.outcome()).isEqualTo("REPLAYED");
            assertThat(use.file()).startsWith("stack-server/").endsWith(".json");
            assertThat(repositoryFile("recordings").resolve(use.file())).isRegularFile();
        });
    }
}
