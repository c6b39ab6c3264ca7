package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.endTest;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The proxy forwards faithfully and keeps credentials out of recordings, logs and errors")
class ForwardingTest {
    private static final String TOKEN = "sk-proxycanary0123456789abcdefXYZ"; // canary
    private static final String TEST_ID = "com.example.ForwardedTest#echoes";

    @TempDir
    Path recordings;

    private final TestUpstream upstream = new TestUpstream();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private static String rawExchange(URI base, String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName(
            "method, raw path, query, body and end-to-end headers go upstream; hop-by-hop and harness headers do not; Host is the upstream's")
    void forwardsRequestAndResponse() throws Exception {
        upstream.handle("/base/v1/echo", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Upstream", "yes");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=up");
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
        });
        String body = "{\"q\":\"hello\"}";
        try (CapturedLogScope log = new CapturedLogScope();
                ReplayProxy proxy = ReplayProxy.builder(
                                harness(recordings, Mode.RECORD).build(), URI.create(upstream.baseUri() + "/base/"))
                        .build()
                        .start()) {
            String response = rawExchange(
                    proxy.baseUri(),
                    "PUT /v1/echo/a%2Fb%20c?b=2&a=1&a=0 HTTP/1.1\r\n"
                            + "Host: " + proxy.baseUri().getAuthority() + "\r\n"
                            + "Connection: close, X-Hop\r\n"
                            + "X-Hop: dropped\r\n"
                            + "Keep-Alive: timeout=5\r\n"
                            + "TE: trailers\r\n"
                            + "Proxy-Authorization: Basic cHJveHk6cGFzcw==\r\n"
                            + ReplayProxy.TEST_HEADER + ": " + TEST_ID + "\r\n"
                            + "X-Other: kept\r\n"
                            + "Authorization: Bearer " + TOKEN + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body);

            TestUpstream.Received seen = upstream.last();
            assertThat(seen.method()).isEqualTo("PUT");
            assertThat(seen.rawPath()).isEqualTo("/base/v1/echo/a%2Fb%20c");
            assertThat(seen.rawQuery()).isEqualTo("b=2&a=1&a=0");
            assertThat(seen.body()).isEqualTo(body);
            assertThat(seen.header("X-Other")).isEqualTo("kept");
            assertThat(seen.header("Authorization")).isEqualTo("Bearer " + TOKEN); // forwarded upstream in record mode
            assertThat(seen.header("Host")).isEqualTo(upstream.baseUri().getAuthority());
            for (String dropped :
                    List.of("X-Hop", "Keep-Alive", "TE", "Proxy-Authorization", ReplayProxy.TEST_HEADER)) {
                assertThat(seen.header(dropped)).as(dropped).isNull();
            }
            assertThat(seen.header("Connection")).isNotEqualToIgnoringCase("close, X-Hop");

            assertThat(response).startsWith("HTTP/1.1 201 ");
            assertThat(response).containsIgnoringCase("X-Upstream: yes").endsWith("{\"ok\":true}");
            assertThat(response).doesNotContainIgnoringCase("Proxy-Authenticate");

            assertThat(JsonMapper.shared()
                            .readTree(endTest(proxy, TEST_ID).body())
                            .get("recorded"))
                    .hasSize(1);
            assertThat(log.text()).doesNotContain(TOKEN);
        }
        String recording = onlyRecording();
        assertThat(recording)
                .doesNotContain(TOKEN)
                .doesNotContainIgnoringCase("x-replay-harness")
                .doesNotContainIgnoringCase("authorization")
                .contains("\"testId\": \"" + TEST_ID + "\"")
                .contains("\"url\": \"http://127.0.0.1/base/v1/echo/a%2Fb%20c?b=2&a=1&a=0\"");
    }

    @Test
    @DisplayName(
            "a recorded stream and JSON answer replay through the proxy without the upstream, the credential never reaching the file")
    void recordsThenReplays() throws Exception {
        String testId = "com.example.ChatTest#answers";
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<String> json = send(chat(proxy.baseUri(), testId, "hi", false)
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            HttpResponse<String> stream = send(chat(proxy.baseUri(), testId, "hi", true)
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            assertThat(json.body()).contains("You said: hi");
            assertThat(stream.body()).contains("data: [DONE]");
        }
        upstream.close();
        assertThat(recordingFiles()).hasSize(2);
        for (Path file : recordingFiles()) {
            assertThat(Files.readString(file)).doesNotContain(TOKEN);
        }
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<String> json =
                    send(chat(proxy.baseUri(), testId, "hi", false).build());
            HttpResponse<String> stream =
                    send(chat(proxy.baseUri(), testId, "hi", true).build());
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("\"content\":\"You said: hi\"");
            assertThat(json.headers().firstValue("content-length"))
                    .hasValue(String.valueOf(json.body().length()));
            assertThat(json.headers().firstValue(ReplayProxy.RECORDING_HEADER))
                    .get()
                    .asString()
                    .startsWith("proxied/");
            assertThat(stream.headers().firstValue("content-type")).hasValue("text/event-stream");
            assertThat(stream.body())
                    .startsWith("data: {")
                    .contains("\"content\":\" said: \"")
                    .endsWith("data: [DONE]\n\n");
            JsonNode summary =
                    JsonMapper.shared().readTree(endTest(proxy, testId).body());
            assertThat(summary.get("replayed")).hasSize(2);
            assertThat(summary.get("recorded")).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "an unreachable upstream in record mode answers 502 naming the upstream and the fix, without the credential")
    void unreachableUpstream() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closedPort);
        try (CapturedLogScope log = new CapturedLogScope();
                ReplayProxy proxy = ReplayProxy.builder(
                                harness(recordings, Mode.RECORD).build(), dead)
                        .build()
                        .start()) {
            HttpResponse<String> response = send(chat(proxy.baseUri(), "T#t", "hi", false)
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
            assertThat(response.headers().firstValue(ReplayProxy.ERROR_HEADER)).hasValue("upstream-unreachable");
            JsonNode error = JsonMapper.shared().readTree(response.body()).get("error");
            assertThat(error.get("type").stringValue()).isEqualTo("upstream_unreachable");
            assertThat(error.get("message").stringValue())
                    .contains(
                            dead.toString(),
                            "POST /v1/chat/completions",
                            "Check that the upstream is running",
                            "--upstream");
            assertThat(response.body()).doesNotContain(TOKEN);
            assertThat(log.text()).contains(dead.toString()).doesNotContain(TOKEN);
            assertThat(JsonMapper.shared()
                            .readTree(endTest(proxy, "T#t").body())
                            .get("recorded"))
                    .isEmpty();
        }
        assertThat(recordingFiles()).isEmpty();
    }

    @Test
    @DisplayName("a gzip answer is recorded decoded and replayed gzip-encoded only to a client that accepts gzip")
    void contentEncoding() throws Exception {
        String json = "{\"answer\":\"compressed\"}";
        upstream.handle("/v1/gzip", exchange -> {
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                gzip.write(json.getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, zipped.size());
            exchange.getResponseBody().write(zipped.toByteArray());
        });
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<byte[]> recorded = Fixtures.CLIENT.send(
                    HttpRequest.newBuilder(proxy.baseUri().resolve("/v1/gzip"))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(recorded.headers().firstValue("content-encoding")).hasValue("gzip"); // passed through as it came
            assertThat(gunzip(recorded.body())).isEqualTo(json);
        }
        assertThat(onlyRecording()).contains("\"answer\": \"compressed\"");
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<byte[]> zipped = Fixtures.CLIENT.send(
                    HttpRequest.newBuilder(proxy.baseUri().resolve("/v1/gzip"))
                            .header("Accept-Encoding", "gzip, deflate")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gunzip(zipped.body())).isEqualTo(json);
            proxy.endShared(); // the next identical request is again the first of its session
            HttpResponse<String> plain = send(
                    HttpRequest.newBuilder(proxy.baseUri().resolve("/v1/gzip")).build());
            assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
            assertThat(plain.body()).isEqualTo(json);
        }
    }

    private static String gunzip(byte[] bytes) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("live mode forwards and writes nothing")
    void liveMode() throws Exception {
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.LIVE).build(), upstream.baseUri())
                .build()
                .start()) {
            assertThat(send(chat(proxy.baseUri(), TEST_ID, "live", false).build())
                            .body())
                    .contains("You said: live");
            JsonNode summary =
                    JsonMapper.shared().readTree(endTest(proxy, TEST_ID).body());
            assertThat(summary.get("live").intValue()).isEqualTo(1);
            assertThat(summary.get("recorded")).isEmpty();
        }
        assertThat(recordingFiles()).isEmpty();
    }

    @Test
    @DisplayName("an upstream that breaks right after its status line gets a 502 JSON error, not a bare 500")
    void upstreamBreaksBeforeBody() throws Exception {
        try (ServerSocket broken = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = broken.accept()) {
                    byte[] buffer = new byte[8192];
                    String request = "";
                    while (!request.contains("\r\n\r\n") || !request.endsWith("}")) {
                        int n = socket.getInputStream().read(buffer);
                        if (n < 0) {
                            break;
                        }
                        request += new String(buffer, 0, n, StandardCharsets.UTF_8);
                    }
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                            + "Transfer-Encoding: chunked\r\n\r\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    socket.setSoLinger(true, 0);
                } catch (java.io.IOException e) {
                    // the assertions below then fail
                }
            });
            server.start();
            try (ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.RECORD).build(),
                            URI.create("http://127.0.0.1:" + broken.getLocalPort()))
                    .build()
                    .start()) {
                HttpResponse<String> response =
                        send(chat(proxy.baseUri(), TEST_ID, "hi", false).build());
                assertThat(response.statusCode()).isEqualTo(502);
                assertThat(response.headers()
                                .firstValue(ReplayProxy.ERROR_HEADER)
                                .orElseThrow())
                        .isIn("upstream-error", "upstream-unreachable"); // depending on when the reset arrives
                assertThat(JsonMapper.shared()
                                .readTree(response.body())
                                .get("error")
                                .get("message")
                                .stringValue())
                        .contains("upstream", "127.0.0.1:" + broken.getLocalPort());
            }
            server.join();
        }
    }

    @Test
    @DisplayName("control endpoints: health, unknown paths never forwarded, wrong method, empty test id")
    void controlEndpoints() throws Exception {
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<String> health =
                    send(HttpRequest.newBuilder(proxy.baseUri().resolve("/__harness/health"))
                            .build());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode tree = JsonMapper.shared().readTree(health.body());
            assertThat(tree.get("mode").stringValue()).isEqualTo("replay");
            assertThat(tree.get("namespace").stringValue()).isEqualTo(Fixtures.NAMESPACE);
            assertThat(tree.get("upstream").stringValue())
                    .isEqualTo(upstream.baseUri().toString());

            HttpResponse<String> unknown =
                    send(HttpRequest.newBuilder(proxy.baseUri().resolve("/__harness/nope"))
                            .build());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("/__harness/health", "/__harness/tests/");
            assertThat(upstream.received()).isEmpty();

            HttpResponse<String> getEnd =
                    send(HttpRequest.newBuilder(proxy.baseUri().resolve("/__harness/tests/x/end"))
                            .build());
            assertThat(getEnd.statusCode()).isEqualTo(405);
            assertThat(getEnd.headers().firstValue("allow")).hasValue("POST");

            HttpResponse<String> blank = send(chat(proxy.baseUri(), null, "hi", false)
                    .header(ReplayProxy.TEST_HEADER, " ")
                    .build());
            assertThat(blank.statusCode()).isEqualTo(400);
            assertThat(blank.body()).contains(ReplayProxy.TEST_HEADER + " header is empty");

            HttpResponse<String> neverOpened = endTest(proxy, "com.example.Never#used");
            assertThat(neverOpened.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.shared()
                            .readTree(neverOpened.body())
                            .get("opened")
                            .booleanValue())
                    .isFalse();
        }
    }

    @Test
    @DisplayName("bad settings fail with a message naming the value and the fix, never echoing credentials")
    void badSettings() {
        var harness = harness(recordings, Mode.REPLAY).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplayProxy.builder(
                        harness, URI.create("https://user:sk-secretcanary0123456789abcdef@api.example.com"))) // canary
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user info")
                .hasMessageNotContaining("sk-secretcanary");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplayProxy.builder(harness, URI.create("ftp://x")))
                .hasMessageContaining("not an absolute http or https URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReplayProxy.builder(harness, upstream.baseUri()).missStatus(503))
                .hasMessageContaining("503")
                .hasMessageContaining("do not retry");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReplayProxy.builder(harness, upstream.baseUri()).missStatus(429))
                .hasMessageContaining("429");
    }

    @Test
    @DisplayName("a port already in use is named with the fix")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.REPLAY).build(), upstream.baseUri())
                    .port(taken.getLocalPort())
                    .build();
            org.assertj.core.api.Assertions.assertThatThrownBy(proxy::start)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("--port");
        }
    }

    private List<Path> recordingFiles() throws Exception {
        Path dir = recordings.resolve(Fixtures.NAMESPACE);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private String onlyRecording() throws Exception {
        List<Path> files = recordingFiles();
        assertThat(files).hasSize(1);
        return Files.readString(files.get(0));
    }

    /** The proxy's log lines while open. */
    static final class CapturedLogScope implements AutoCloseable {
        private final Fixtures.CapturedLog log = new Fixtures.CapturedLog();

        String text() {
            return String.join("\n", log.lines);
        }

        @Override
        public void close() {
            log.close();
        }
    }
}
