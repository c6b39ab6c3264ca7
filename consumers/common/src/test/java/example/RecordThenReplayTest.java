package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import dev.replayharness.core.RecordingScope;
import dev.replayharness.junit.ModeOverride;
import dev.replayharness.junit.Recorded;

/**
 * What a user's project does with harness-junit, built outside the repository against the installed artifacts:
 * record one exchange against a real loopback upstream, stop the upstream, replay the exchange. Shared by every
 * consumer project under consumers/; each one declares JUnit differently (see consumers/README.md).
 */
@DisplayName("A consumer's build")
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class RecordThenReplayTest {

    /** junit-platform.properties points harness.recordings-dir here, never at the repository's recordings/. */
    static final Path RECORDINGS = Path.of("target", "consumer-recordings");

    static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"Hello from the loopback upstream\"}}]}";

    static final AtomicInteger UPSTREAM_CALLS = new AtomicInteger();
    static HttpServer upstream;
    static URI endpoint;

    @BeforeAll
    static void startUpstream() throws IOException {
        deleteRecordings();
        Files.createDirectories(RECORDINGS);
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            UPSTREAM_CALLS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        endpoint = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1/chat/completions");
    }

    @AfterAll
    static void stopUpstream() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    static HttpResponse<String> ask(HttpClient http) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("runs on the JUnit version its pom declares (harness-junit does not pull its own)")
    void runsOnTheDeclaredJUnit() throws Exception {
        String expected = System.getProperty("expected.junit.version");
        assertThat(expected).as("the consumer pom passes expected.junit.version").isNotBlank();
        assertThat(Test.class.getPackage().getImplementationVersion())
                .as("junit-jupiter-api")
                .isEqualTo(expected);
        assertThat(Class.forName("org.junit.jupiter.engine.JupiterTestEngine")
                        .getPackage()
                        .getImplementationVersion())
                .as("junit-jupiter-engine")
                .isEqualTo(expected);
    }

    @Nested
    @Order(1)
    @DisplayName("in record mode")
    @Recorded(namespace = "consumer", mode = ModeOverride.RECORD, scope = RecordingScope.SHARED)
    class Recording {

        @Test
        @DisplayName("calls the loopback upstream and gets its answer")
        void callsTheUpstream(HttpClient http) throws Exception {
            HttpResponse<String> response = ask(http);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(ANSWER);
            assertThat(UPSTREAM_CALLS).hasValue(1);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("in replay mode, with the upstream stopped")
    @Recorded(namespace = "consumer", mode = ModeOverride.REPLAY, scope = RecordingScope.SHARED)
    class Replaying {

        @Test
        @DisplayName("answers from the recording the record-mode test wrote")
        void answersFromTheRecording(HttpClient http) throws Exception {
            stopUpstream();
            try (Stream<Path> files = Files.list(RECORDINGS.resolve("consumer"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".json")))
                        .as("recordings written by the record-mode test")
                        .hasSize(1);
            }

            HttpResponse<String> response = ask(http);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(ANSWER);
            assertThat(UPSTREAM_CALLS).as("calls that reached the upstream").hasValue(1);
        }
    }

    private static void deleteRecordings() throws IOException {
        if (!Files.exists(RECORDINGS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(RECORDINGS)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
