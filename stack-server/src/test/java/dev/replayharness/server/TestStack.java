package dev.replayharness.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;

/**
 * A stack server for tests: the repository's bedrock-run.yaml pointed at a loopback Bedrock
 * emulator, its store in a temporary folder.
 */
final class TestStack implements AutoCloseable {

    final BedrockEmulator emulator;
    final StackConfig config;
    final StackServer server;
    final HttpClient client = HttpClient.newHttpClient();

    private TestStack(BedrockEmulator emulator, StackConfig config, StackServer server) {
        this.emulator = emulator;
        this.config = config;
        this.server = server;
    }

    /** The repository's recordings folder (the nearest ancestor of the working directory that has one). */
    static Path repositoryRecordings() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("recordings")) && Files.isDirectory(dir.resolve("stack-server"))) {
                return dir.resolve("recordings");
            }
        }
        throw new IllegalStateException(
                "no recordings folder above " + Path.of("").toAbsolutePath());
    }

    /** bedrock-run.yaml with {@code base_url} pointing at the emulator, placeholders resolved from {@code env}. */
    static StackConfig stackConfig(Path dir, URI baseUrl, Map<String, String> env) {
        try {
            Path original = repositoryRecordings().getParent().resolve("bedrock-provider/bedrock-run.yaml");
            String yaml = Files.readString(original)
                    .replace(
                            "        region_name: us-west-2\n",
                            "        region_name: us-west-2\n        base_url: " + baseUrl + "\n");
            Path file = dir.resolve("run.yaml");
            Files.writeString(file, yaml);
            return StackConfig.load(file, env::get);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server in {@code mode} over {@code recordings}; {@code tweak} adjusts the builder. */
    static TestStack start(Path dir, Mode mode, Path recordings, Consumer<StackServer.Builder> tweak) {
        return start(dir, mode, recordings, Map.of(), tweak);
    }

    /** The same, with more environment variables for the stack config's placeholders. */
    static TestStack start(
            Path dir, Mode mode, Path recordings, Map<String, String> env, Consumer<StackServer.Builder> tweak) {
        try {
            Files.createDirectories(recordings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BedrockEmulator emulator = BedrockEmulator.start();
        try {
            Map<String, String> variables = new java.util.HashMap<>(env);
            variables.put("SQLITE_STORE_DIR", dir.resolve("store").toString());
            StackConfig config = stackConfig(dir, emulator.baseUri(), variables);
            Harness.Builder harness = StackServer.harnessBuilder(config, recordings);
            if (mode != null) {
                harness.mode(mode);
            }
            StackServer.Builder builder =
                    StackServer.builder(config, harness.build()).port(0);
            tweak.accept(builder);
            return new TestStack(emulator, config, builder.build().start());
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            emulator.close();
        }
    }
}
