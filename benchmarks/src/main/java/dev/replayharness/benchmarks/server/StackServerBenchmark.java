package dev.replayharness.benchmarks.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.Mode;
import dev.replayharness.server.StackServer;

/**
 * The stack server ({@code harness serve}) in replay mode over loopback: the guide's non-streaming
 * example 1 and streaming example 2 (recordings/stack-server), each client a thread with its own
 * {@code java.net.http} client and keep-alive connection, every completion written to the SQLite
 * store as in production. Run with {@code -t 1}, {@code -t 16} and {@code -t 64} for the three
 * concurrency levels ({@code benchmarks/run-server.sh} does).
 *
 * <p>Sample mode times every request (they take hundreds of microseconds), which gives the percentiles;
 * each client sends its next request as soon as the last one ends, so requests/s = clients / mean
 * latency. The warm-up is long: at a few thousand requests a second, code that runs once per request
 * (Jetty's parser, the handler, the harness, the JDK client) needs tens of seconds to reach the C2
 * compiler, and throughput kept rising through 30 s of warm-up when it was shorter.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SampleTime)
public class StackServerBenchmark {

    static final String NON_STREAMING =
            "{\"model\": \"bedrock/openai.gpt-oss-20b-1:0\", \"messages\": [{\"role\": \"user\","
                    + " \"content\": \"Which planet do humans live on?\"}], \"stream\": false}";
    static final String STREAMING =
            "{\"model\": \"bedrock/openai.gpt-oss-20b-1:0\", \"messages\": [{\"role\": \"user\","
                    + " \"content\": \"Count from 1 to 5\"}], \"stream\": true}";

    /** One server for the whole run. */
    @State(Scope.Benchmark)
    public static class Server {
        StackServer server;
        Path store;

        @Setup
        public void start() throws IOException {
            Path root = repositoryRoot();
            store = Files.createTempDirectory("stack-server-bench");
            StackConfig stack = StackConfig.load(
                    root.resolve("bedrock-provider/bedrock-run.yaml"),
                    Map.of("SQLITE_STORE_DIR", store.toString())::get);
            server = StackServer.builder(
                            stack,
                            StackServer.harnessBuilder(stack, root.resolve("recordings"))
                                    .mode(Mode.REPLAY)
                                    .build())
                    .port(0)
                    .build()
                    .start();
        }

        @TearDown
        public void stop() {
            server.close();
        }
    }

    /** One client per benchmark thread. */
    @State(Scope.Thread)
    public static class Client {
        HttpClient http;
        HttpRequest nonStreaming;
        HttpRequest streaming;

        @Setup
        public void connect(Server server) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = server.server.baseUri().resolve("/v1/chat/completions");
            nonStreaming = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(NON_STREAMING))
                    .build();
            streaming = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(STREAMING))
                    .build();
        }
    }

    @Benchmark
    public int nonStreaming(Client client) throws Exception {
        HttpResponse<byte[]> response = client.http.send(client.nonStreaming, HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode());
        return response.body().length;
    }

    @Benchmark
    public long streaming(Client client) throws Exception {
        HttpResponse<InputStream> response =
                client.http.send(client.streaming, HttpResponse.BodyHandlers.ofInputStream());
        check(response.statusCode());
        long bytes = 0;
        byte[] buffer = new byte[8192];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
            }
        }
        return bytes;
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException(
                    "the stack server answered " + status + "; are recordings/stack-server there?");
        }
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("recordings/stack-server"))) {
                return dir;
            }
        }
        throw new UncheckedIOException(new IOException("run from the repository: no recordings/stack-server above "
                + Path.of("").toAbsolutePath()));
    }
}
