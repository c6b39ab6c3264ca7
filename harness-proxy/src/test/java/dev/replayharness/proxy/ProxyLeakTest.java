package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.endTest;
import static dev.replayharness.proxy.Fixtures.harness;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.HttpExchange;

import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.Canaries;

/**
 * The leaks of issue 13 through the proxy: a canary the session knows (from a credential header or query
 * parameter) comes back from upstream, and must reach no recording (base64 bodies decoded), no replayed
 * response, no proxy log line and no miss answer.
 */
@DisplayName("Canary credentials through the proxy")
class ProxyLeakTest {
    private static final String TEST_ID = "com.example.LeakTest#leaks";

    @TempDir
    Path recordings;

    private final TestUpstream upstream = new TestUpstream();
    private final String canary = Canaries.next("cnry");

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    /** One leak: what the upstream sends back, and what a replay must hand the client instead. */
    enum Leak {
        SSE_ID_EVENT_COMMENT("/v1/stream", true) {
            @Override
            void answer(HttpExchange exchange, String canary) throws IOException {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody()
                        .write((": session " + canary + "\nevent: token-" + canary + "\nid: " + canary
                                        + "\ndata: {\"n\":1}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
            }

            @Override
            String replayed() {
                return ": session REDACTED\nevent: token-REDACTED\nid: REDACTED\ndata: {\"n\":1}\n\n";
            }
        },
        GZIP_BODY("/v1/zipped", true) {
            @Override
            void answer(HttpExchange exchange, String canary) throws IOException {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream zip = new GZIPOutputStream(zipped)) {
                    zip.write(("{\"echo\":\"" + canary + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                send(exchange, "application/json", "gzip", zipped.toByteArray());
            }

            @Override
            String replayed() {
                return "{\"echo\":\"REDACTED\"}";
            }
        },
        BINARY_BODY("/v1/blob", true) {
            @Override
            void answer(HttpExchange exchange, String canary) throws IOException {
                send(
                        exchange,
                        "application/octet-stream",
                        null,
                        ("\0\u0001" + canary + "\0").getBytes(StandardCharsets.ISO_8859_1));
            }

            @Override
            String replayed() {
                return "\0\u0001REDACTED\0";
            }
        },
        ECHOED_QUERY_CREDENTIAL("/v1/echo", false) {
            @Override
            void answer(HttpExchange exchange, String canary) throws IOException {
                send(
                        exchange,
                        "application/json",
                        null,
                        ("{\"you_asked\":\"" + exchange.getRequestURI().getRawQuery() + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
            }

            @Override
            String replayed() {
                return "{\"you_asked\":\"api_key=REDACTED&q=1\"}";
            }
        };

        final String path;
        final boolean bearer;

        Leak(String path, boolean bearer) {
            this.path = path;
            this.bearer = bearer;
        }

        abstract void answer(HttpExchange exchange, String canary) throws IOException;

        abstract String replayed();

        HttpRequest request(URI base, String canary) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            base.resolve(path + (bearer ? "" : "?api_key=" + canary + "&q=1")))
                    .header(ReplayProxy.TEST_HEADER, TEST_ID)
                    .GET();
            if (bearer) {
                builder.header("Authorization", "Bearer " + canary);
            }
            return builder.build();
        }
    }

    static void send(HttpExchange exchange, String contentType, String encoding, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (encoding != null) {
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Leak.class)
    @DisplayName("a recorded and replayed exchange holds no canary in files, replayed answers or logs")
    void recordAndReplay(Leak leak) throws Exception {
        upstream.handle(leak.path, exchange -> leak.answer(exchange, canary));
        List<String> canaries = List.of(canary);
        try (Canaries.CapturedLog log = new Canaries.CapturedLog()) {
            try (ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                    .build()
                    .start()) {
                HttpResponse<byte[]> live = Fixtures.CLIENT.send(
                        leak.request(proxy.baseUri(), canary), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(endTest(proxy, TEST_ID).statusCode()).isEqualTo(200);
                Canaries.assertAbsent("proxy.toString()", proxy.toString(), canaries);
            }
            assertThat(Canaries.assertNoFileHolds(recordings, canaries))
                    .as("files written")
                    .isEqualTo(1);

            try (ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                    .build()
                    .start()) {
                HttpResponse<byte[]> replayed = Fixtures.CLIENT.send(
                        leak.request(proxy.baseUri(), canary), HttpResponse.BodyHandlers.ofByteArray());
                endTest(proxy, TEST_ID);
                assertThat(replayed.statusCode()).isEqualTo(200);
                Canaries.assertAbsent("replayed body", replayed.body(), canaries);
                Canaries.assertAbsent("replayed headers", replayed.headers().toString(), canaries);
                assertThat(Canaries.decodedIfEncoded(replayed.body())).isEqualTo(leak.replayed());
            }
            assertThat(upstream.received()).as("replay must not call upstream").hasSize(1);
            Canaries.assertAbsent("proxy log", log.text(), canaries);
        }
    }

    @Test
    @DisplayName("a replay miss for a request carrying canaries in its path, query and headers names none of them")
    void miss() throws Exception {
        List<String> canaries = List.of(canary);
        try (Canaries.CapturedLog log = new Canaries.CapturedLog();
                ReplayProxy proxy = ReplayProxy.builder(
                                harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                        .build()
                        .start()) {
            HttpResponse<String> missed = Fixtures.send(
                    HttpRequest.newBuilder(proxy.baseUri().resolve("/v1/keys/" + canary + "?token=" + canary))
                            .header("Authorization", "Bearer " + canary)
                            .header(ReplayProxy.TEST_HEADER, TEST_ID)
                            .GET()
                            .build());
            HttpResponse<String> ended = endTest(proxy, TEST_ID);

            assertThat(missed.statusCode()).isEqualTo(ReplayProxy.DEFAULT_MISS_STATUS);
            Canaries.assertAbsent("miss answer", missed.body() + " " + missed.headers(), canaries);
            Canaries.assertAbsent("end-of-test summary", ended.body(), canaries);
            Canaries.assertAbsent("proxy log", log.text(), canaries);
        }
    }
}
