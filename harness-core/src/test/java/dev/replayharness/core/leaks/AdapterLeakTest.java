package dev.replayharness.core.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.HttpExchange;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.Canaries;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

/**
 * The leaks an adversarial run found (issue 13), each through every adapter of harness-core: a canary
 * credential the session knows (sent in a credential header or query parameter, or declared a secret)
 * comes back from upstream in one part of the response, and must reach no file (nor any base64 body in
 * it, decoded), no replayed response, no {@code toString()}, no message and no log.
 */
@DisplayName("Canary credentials through every adapter")
class AdapterLeakTest {
    /** What a client got back, with the client's own rendering of the response. */
    record Answer(int status, byte[] body, String rendered) {
        String text() {
            return Canaries.decodedIfEncoded(body);
        }
    }

    /** One of the clients harness-core wires into, called the way a user calls it. */
    enum Adapter {
        JDK {
            @Override
            Answer call(HarnessSession session, URI uri, Map<String, String> headers) throws Exception {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
                headers.forEach(request::header);
                HttpResponse<byte[]> response = JdkHarness.wrap(HttpClient.newHttpClient(), session)
                        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.body(), response + " " + response.headers());
            }
        },
        APACHE_CLASSIC {
            @Override
            Answer call(HarnessSession session, URI uri, Map<String, String> headers) throws Exception {
                try (CloseableHttpClient client =
                        ApacheHarness.wire(HttpClients.custom(), session).build()) {
                    ClassicRequestBuilder request = ClassicRequestBuilder.get(uri);
                    headers.forEach(request::addHeader);
                    return client.execute(
                            request.build(),
                            response -> new Answer(
                                    response.getCode(),
                                    response.getEntity() == null
                                            ? new byte[0]
                                            : EntityUtils.toByteArray(response.getEntity()),
                                    response + " " + List.of(response.getHeaders())));
                }
            }
        },
        APACHE_ASYNC {
            @Override
            Answer call(HarnessSession session, URI uri, Map<String, String> headers) throws Exception {
                try (CloseableHttpAsyncClient client =
                        ApacheHarness.wire(HttpAsyncClients.custom(), session).build()) {
                    client.start();
                    SimpleRequestBuilder request = SimpleRequestBuilder.get(uri);
                    headers.forEach(request::addHeader);
                    SimpleHttpResponse response =
                            client.execute(request.build(), null).get(10, TimeUnit.SECONDS);
                    byte[] body = response.getBodyBytes() == null ? new byte[0] : response.getBodyBytes();
                    return new Answer(response.getCode(), body, response + " " + List.of(response.getHeaders()));
                }
            }
        };

        abstract Answer call(HarnessSession session, URI uri, Map<String, String> headers) throws Exception;
    }

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    final String canary = Canaries.next("cnry");
    final List<String> canaries = new ArrayList<>(List.of(canary));

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    Harness harness(Mode mode) {
        return Harnesses.builder(recordings, mode).build();
    }

    /** Records one exchange, checks the files, replays it, checks what the client got; returns the replayed answer. */
    Answer recordAndReplay(Adapter adapter, String pathAndQuery, Map<String, String> headers) throws Exception {
        try (Canaries.CapturedLog log = new Canaries.CapturedLog()) {
            Answer recorded;
            try (HarnessSession session = harness(Mode.RECORD).session("Leak#test")) {
                recorded = adapter.call(session, upstream.uri(pathAndQuery), headers);
                Canaries.assertAbsent("session.toString() and uses()", session + " " + session.uses(), canaries);
            }
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(Canaries.assertNoFileHolds(recordings, canaries))
                    .as("files written")
                    .isEqualTo(1);
            Answer replayed;
            try (HarnessSession session = harness(Mode.REPLAY).session("Leak#test")) {
                replayed = adapter.call(session, upstream.uri(pathAndQuery), headers);
                Canaries.assertAbsent("session.toString() and uses()", session + " " + session.uses(), canaries);
            }
            assertThat(upstream.requestCount())
                    .as("replay must not call upstream")
                    .isEqualTo(1);
            Canaries.assertAbsent("replayed body", replayed.body(), canaries);
            Canaries.assertAbsent("replayed response's toString()", replayed.rendered(), canaries);
            Canaries.assertAbsent("log", log.text(), canaries);
            return replayed;
        }
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
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

    @Nested
    @DisplayName("leak 1: an event stream whose id, event and comment lines carry a known secret")
    class SseFields {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("keeps the secret out of the file, the replayed stream and every message")
        void sseIdEventAndComment(Adapter adapter) throws Exception {
            upstream.route("/v1/stream", (exchange, body) -> {
                OutputStream out = LoopbackUpstream.startEventStream(exchange);
                out.write((": session " + canary + "\nevent: token-" + canary + "\nid: " + canary
                                + "\ndata: {\"n\":1}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.close();
            });

            Answer replayed = recordAndReplay(adapter, "/v1/stream", bearer(canary));

            assertThat(replayed.text())
                    .contains(
                            "event: token-REDACTED\n",
                            "id: REDACTED\n",
                            ": session REDACTED\n",
                            "data: {\"n\":1}\n\n",
                            "data: [DONE]\n\n");
        }
    }

    @Nested
    @DisplayName("leak 2: a gzip-encoded response carrying a known secret")
    class GzipBody {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("is recorded decoded and redacted, whichever client decoded it")
        void gzipResponse(Adapter adapter) throws Exception {
            upstream.route(
                    "/v1/zipped",
                    (exchange, body) ->
                            send(exchange, "application/json", "gzip", gzip("{\"echo\":\"" + canary + "\",\"n\":1}")));

            Answer replayed = recordAndReplay(adapter, "/v1/zipped", bearer(canary));

            assertThat(replayed.text()).isEqualTo("{\"echo\":\"REDACTED\",\"n\":1}");
        }
    }

    @Nested
    @DisplayName("leak 3: a binary body holding the exact value of a known secret")
    class BinaryBody {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("has the secret's bytes replaced, and every other byte kept")
        void binaryBody(Adapter adapter) throws Exception {
            byte[] blob =
                    concat(new byte[] {0, (byte) 0xff, 1}, canary.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
            upstream.route("/v1/blob", (exchange, body) -> send(exchange, "application/octet-stream", null, blob));

            Answer replayed = recordAndReplay(adapter, "/v1/blob", bearer(canary));

            assertThat(replayed.body())
                    .isEqualTo(concat(
                            new byte[] {0, (byte) 0xff, 1},
                            "REDACTED".getBytes(StandardCharsets.US_ASCII),
                            new byte[] {0}));
        }
    }

    @Nested
    @DisplayName("leak 4: credential query parameters echoed by the upstream")
    class QueryCredentials {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("are learned as secrets: the echo is redacted in the file and the replay")
        void echoedQueryCredentials(Adapter adapter) throws Exception {
            String token = Canaries.next("tokn");
            String accessToken = Canaries.next("acct");
            String key = Canaries.next("keyy");
            canaries.addAll(List.of(token, accessToken, key));
            upstream.route(
                    "/v1/echo",
                    (exchange, body) -> LoopbackUpstream.sendJson(
                            exchange,
                            200,
                            "{\"you_asked\":\"" + exchange.getRequestURI().getRawQuery() + "\"}"));

            Answer replayed = recordAndReplay(
                    adapter,
                    "/v1/echo?api_key=" + canary + "&token=" + token + "&access_token=" + accessToken + "&key=" + key
                            + "&q=1",
                    Map.of());

            assertThat(replayed.text())
                    .isEqualTo(
                            "{\"you_asked\":\"api_key=REDACTED&token=REDACTED&access_token=REDACTED&key=REDACTED&q=1\"}");
        }

        @org.junit.jupiter.api.Test
        @DisplayName("but a word-like value (no digit) is not learned: it would be redacted from every body")
        void wordLikeValueNotLearned() throws Exception {
            upstream.json("/v1/words", 200, "{\"messages\":[\"a\"],\"you_asked\":\"messages\"}");
            try (HarnessSession session = harness(Mode.RECORD).session("Leak#words")) {
                Adapter.JDK.call(session, upstream.uri("/v1/words?key=messages"), Map.of());
            }
            try (HarnessSession session = harness(Mode.REPLAY).session("Leak#words")) {
                assertThat(Adapter.JDK
                                .call(session, upstream.uri("/v1/words?key=messages"), Map.of())
                                .text())
                        .isEqualTo("{\"messages\":[\"a\"],\"you_asked\":\"messages\"}");
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("and a replay miss naming such a request holds none of them")
        void missMessage(Adapter adapter) throws Exception {
            try (Canaries.CapturedLog log = new Canaries.CapturedLog();
                    HarnessSession session = harness(Mode.REPLAY).session("Leak#miss")) {
                Throwable miss = catchThrowable(() -> adapter.call(
                        session, upstream.uri("/v1/keys/" + canary + "?api_key=" + canary), bearer(canary)));

                assertThat(miss).isNotNull();
                for (Throwable t = miss; t != null; t = t.getCause()) {
                    Canaries.assertAbsent("miss message", t.getMessage() + " " + t, canaries);
                }
                Canaries.assertAbsent("log", log.text(), canaries);
            }
        }
    }

    @Nested
    @DisplayName("toString() of a replayed response")
    class ToString {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Adapter.class)
        @DisplayName("does not print a known secret in the request path")
        void secretInPath(Adapter adapter) throws Exception {
            upstream.route(
                    "/v1/keys/" + canary,
                    (exchange, body) -> LoopbackUpstream.sendJson(exchange, 200, "{\"ok\":true}"));

            Answer replayed = recordAndReplay(adapter, "/v1/keys/" + canary, bearer(canary));

            assertThat(replayed.text()).isEqualTo("{\"ok\":true}");
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
