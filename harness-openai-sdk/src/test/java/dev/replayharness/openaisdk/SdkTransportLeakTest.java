package dev.replayharness.openaisdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.openai.core.RequestOptions;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import com.sun.net.httpserver.HttpExchange;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.Canaries;
import dev.replayharness.core.testing.LoopbackServer;

/**
 * The leaks of issue 13 through the OpenAI SDK transport: a canary the session knows (the SDK's API key in
 * {@code Authorization}, or a credential query parameter) comes back from upstream, and must reach no file
 * (base64 bodies decoded), no replayed response, no {@code toString()}, no message and no log.
 */
@DisplayName("Canary credentials through the OpenAI SDK transport")
class SdkTransportLeakTest {
    @TempDir
    Path recordings;

    private final String canary = Canaries.next("cnry");

    /** One leak: what the upstream sends back, and what a replay must hand the SDK instead. */
    enum Leak {
        SSE_ID_EVENT_COMMENT("stream", true) {
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
        GZIP_BODY("zipped", true) {
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
        BINARY_BODY("blob", true) {
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
        ECHOED_QUERY_CREDENTIAL("echo", false) {
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

        final String segment;
        final boolean bearer;

        Leak(String segment, boolean bearer) {
            this.segment = segment;
            this.bearer = bearer;
        }

        abstract void answer(HttpExchange exchange, String canary) throws IOException;

        abstract String replayed();

        HttpRequest request(String baseUrl, String canary) {
            HttpRequest.Builder builder = HttpRequest.builder()
                    .method(HttpMethod.GET)
                    .baseUrl(baseUrl + "/v1/")
                    .addPathSegment(segment);
            return (bearer
                            ? builder.putHeader("Authorization", "Bearer " + canary)
                            : builder.putQueryParam("api_key", canary).putQueryParam("q", "1"))
                    .build();
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

    private Harness harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("sdk")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Leak.class)
    @DisplayName("a recorded and replayed exchange holds no canary in files, replayed answers, toString() or logs")
    void recordAndReplay(Leak leak) throws Exception {
        List<String> canaries = List.of(canary);
        AtomicInteger calls = new AtomicInteger();
        try (Canaries.CapturedLog log = new Canaries.CapturedLog();
                LoopbackServer server = LoopbackServer.start(exchange -> {
                    calls.incrementAndGet();
                    leak.answer(exchange, canary);
                })) {
            try (HarnessSession session = harness(Mode.RECORD).session("Leak#sdk");
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(session);
                    HttpResponse live = transport.execute(leak.request(server.url(), canary), RequestOptions.none())) {
                assertThat(live.statusCode()).isEqualTo(200);
                live.body().readAllBytes();
            }
            assertThat(Canaries.assertNoFileHolds(recordings, canaries))
                    .as("files written")
                    .isEqualTo(1);

            try (HarnessSession session = harness(Mode.REPLAY).session("Leak#sdk");
                    HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(session);
                    HttpResponse replayed =
                            transport.execute(leak.request(server.url(), canary), RequestOptions.none())) {
                byte[] body = replayed.body().readAllBytes();
                Canaries.assertAbsent("replayed body", body, canaries);
                Canaries.assertAbsent(
                        "replayed response and transport toString()",
                        replayed + " " + transport + " " + replayed.headers().names(),
                        canaries);
                assertThat(Canaries.decodedIfEncoded(body)).isEqualTo(leak.replayed());
            }
            assertThat(calls).as("replay must not call upstream").hasValue(1);
            Canaries.assertAbsent("log", log.text(), canaries);
        }
    }

    @Test
    @DisplayName("a replay miss for a request carrying canaries in its path, query and API key names none of them")
    void miss() {
        List<String> canaries = List.of(canary);
        try (Canaries.CapturedLog log = new Canaries.CapturedLog();
                HarnessSession session = harness(Mode.REPLAY).session("Leak#sdk");
                HarnessOpenAiTransport transport = HarnessOpenAiTransport.of(session)) {
            Throwable miss = catchThrowable(() -> transport
                    .execute(
                            HttpRequest.builder()
                                    .method(HttpMethod.GET)
                                    .baseUrl("http://127.0.0.1:9/v1/")
                                    .addPathSegments("keys", canary)
                                    .putQueryParam("token", canary)
                                    .putHeader("Authorization", "Bearer " + canary)
                                    .build(),
                            RequestOptions.none())
                    .close());

            assertThat(miss).isNotNull();
            for (Throwable t = miss; t != null; t = t.getCause()) {
                Canaries.assertAbsent("miss message", t.getMessage() + " " + t, canaries);
            }
            Canaries.assertAbsent("log", log.text(), canaries);
        }
    }
}
