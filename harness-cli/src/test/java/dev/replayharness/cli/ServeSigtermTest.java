package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.emulator.BedrockEmulator;

/**
 * {@code harness serve} as its own process, stopped by a real SIGTERM ({@link Process#destroy()})
 * while concurrent requests wait on a slow provider: every one is answered and stored.
 */
@DisplayName("harness serve, sent SIGTERM with requests in flight")
class ServeSigtermTest {

    private static final Pattern LISTENING = Pattern.compile("on (http://127\\.0\\.0\\.1:[0-9]+) ");

    @TempDir
    Path dir;

    private final BedrockEmulator emulator = BedrockEmulator.start();
    private Process serve;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.destroyForcibly();
        }
        emulator.close();
    }

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
    @DisplayName("answers every request in flight, streamed or not, stores each, and exits")
    void requestsInFlightFinish() throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(
                yaml,
                Files.readString(repositoryFile("bedrock-provider/bedrock-run.yaml"))
                        .replace(
                                "${env.SQLITE_STORE_DIR:=./.llama}",
                                dir.resolve("store").toString())
                        .replace(
                                "        region_name: us-west-2\n",
                                "        region_name: us-west-2\n        base_url: " + emulator.baseUri() + "\n"));
        Files.createDirectories(dir.resolve("recordings"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        serve = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HarnessCli.class.getName(),
                        "serve",
                        yaml.toString(),
                        "--port",
                        "0",
                        "--mode",
                        "record",
                        "--recordings",
                        dir.resolve("recordings").toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        URI base = null;
        StringBuilder printed = new StringBuilder();
        while (base == null) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            printed.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (line.startsWith("Serving ") && listening.find()) {
                base = URI.create(listening.group(1));
            }
        }
        assertThat(base).as("serve did not start:\n%s", printed).isNotNull();
        CompletableFuture.runAsync(() -> {
            try {
                out.lines().forEach(line -> {}); // keep the pipe from filling up
            } catch (java.io.UncheckedIOException closedOnExit) {
                // the process has exited
            }
        });

        // Longer than the 100 ms after which a stopping server closes idle connections.
        emulator.delayResponses(Duration.ofMillis(500));
        HttpClient client = HttpClient.newHttpClient();
        int clients = 10;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String body = "{\"model\":\"bedrock/openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"question " + i + "\"}],\"stream\":" + (i % 2 == 0) + "}";
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emulator.requestCount() < clients && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(emulator.requestCount())
                .as("every request reached the provider")
                .isEqualTo(clients);

        serve.destroy(); // SIGTERM

        for (int i = 0; i < clients; i++) {
            HttpResponse<String> answer = answers.get(i).get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode())
                    .as("request %d: %s", i, answer.body())
                    .isEqualTo(200);
            assertThat(answer.body()).contains(i % 2 == 0 ? "data: [DONE]" : "\"choices\"");
        }
        assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                .as("serve exits after SIGTERM")
                .isTrue();
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store/sql_store.db"));
                ResultSet count = store.createStatement().executeQuery("SELECT COUNT(*) FROM inference_store")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(clients);
        }
    }
}
