package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    private static Path repositoryFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(
                relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void servesTheCommittedRecordingsInReplayModeAndStopsCleanly() throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(
                yaml,
                Files.readString(repositoryFile("bedrock-provider/bedrock-run.yaml"))
                        .replace(
                                "${env.SQLITE_STORE_DIR:=./.llama}",
                                dir.resolve("store").toString()));
        ServeCommand serve = new ServeCommand();
        AtomicReference<String> answer = new AtomicReference<>();
        serve.onStarted = server -> {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(server.baseUri().resolve("/v1/chat/completions"))
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\"bedrock/openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":"
                                                        + "\"Which planet do humans live on?\"}],\"stream\":false}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                answer.set(response.statusCode() + " " + response.body());
            } catch (Exception e) {
                answer.set(e.toString());
            } finally {
                serve.stop();
            }
        };
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(serve);
        command.setOut(new PrintWriter(out));
        int exit = command.execute(
                yaml.toString(),
                "--port",
                "0",
                "--mode",
                "replay",
                "--recordings",
                repositoryFile("recordings").toString());
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Serving 1 model(s) from " + yaml)
                .contains("on http://127.0.0.1:")
                .contains("(mode replay, recordings " + repositoryFile("recordings/stack-server"));
        assertThat(answer.get()).startsWith("200 ").contains("Earth");
        assertThat(Files.exists(dir.resolve("store/sql_store.db"))).isTrue();
    }

    @Test
    void aBrokenConfigIsOneLineNamingTheFile() {
        StringWriter err = new StringWriter();
        CommandLine command = HarnessCli.commandLine();
        command.setErr(new PrintWriter(err));
        int exit = command.execute("serve", dir.resolve("missing.yaml").toString(), "--port", "0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("harness serve: ")
                .contains(dir.resolve("missing.yaml").toString())
                .contains("cannot be read");
    }

    @Nested
    @DisplayName("where serve finds its recordings")
    class Recordings {

        private Path config() throws Exception {
            Path yaml = dir.resolve("run.yaml");
            Files.writeString(
                    yaml,
                    Files.readString(repositoryFile("bedrock-provider/bedrock-run.yaml"))
                            .replace(
                                    "${env.SQLITE_STORE_DIR:=./.llama}",
                                    dir.resolve("store").toString()));
            return yaml;
        }

        private String[] run(String... args) throws Exception {
            ServeCommand serve = new ServeCommand();
            serve.onStarted = server -> serve.stop();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(serve);
            command.setOut(new PrintWriter(out));
            command.setErr(new PrintWriter(err));
            String[] all = new String[args.length + 3];
            all[0] = config().toString();
            all[1] = "--port";
            all[2] = "0";
            System.arraycopy(args, 0, all, 3, args.length);
            assertThat(command.execute(all)).isZero();
            return new String[] {out.toString(), err.toString()};
        }

        @Test
        @DisplayName("without --recordings: the repository's recordings/, found from the module folder upwards")
        void upwardSearch() throws Exception {
            String[] output = run("--mode", "replay");
            assertThat(output[0]).contains("recordings " + repositoryFile("recordings/stack-server"));
            assertThat(output[1]).doesNotContain("Warning");
        }

        @Test
        @DisplayName("recording into a --recordings folder that does not exist is refused, naming --recordings")
        void aMissingFolderToRecordIntoIsRefused() throws Exception {
            ServeCommand serve = new ServeCommand();
            serve.onStarted = server -> serve.stop();
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(serve);
            command.setErr(new PrintWriter(err));
            Path missing = dir.resolve("typo");
            int exit = command.execute(
                    config().toString(), "--port", "0", "--mode", "record", "--recordings", missing.toString());
            assertThat(exit).isNotZero();
            assertThat(err.toString())
                    .contains("--recordings " + missing + ": the folder does not exist")
                    .contains("mkdir -p " + missing);
            assertThat(missing).doesNotExist();
            assertThat(dir.resolve("store")).as("nothing was started").doesNotExist();
        }

        @Test
        @DisplayName("a replaying server whose stack-server folder is missing warns at startup, naming --recordings")
        void warnsWithoutTheNamespaceFolder() throws Exception {
            String[] output = run(
                    "--mode", "replay", "--recordings", dir.resolve("elsewhere").toString());
            assertThat(output[1])
                    .contains("Warning: " + dir.resolve("elsewhere/stack-server") + " does not exist")
                    .contains("424")
                    .contains("--recordings");
        }
    }
}
