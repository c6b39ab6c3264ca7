package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.redact.Redactor;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

/**
 * Canary credentials travel in headers, the query and the body, and the upstream echoes them back
 * in its headers, JSON body and event stream. No written file and no error message may hold any of them.
 */
@DisplayName("Redaction: canary credentials reach no file and no message")
class RedactionTest {
    // Canaries in credential shapes, built here so that no credential-shaped literal is committed.
    static final String BEDROCK_KEY = "bedrock-api-key-"
            + java.util.Base64.getEncoder()
                    .encodeToString(
                            "bedrock.amazonaws.com/?CANARY=1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final String OPENAI_KEY = "sk-proj-" + "CANARYcanary0123456789abcdefXYZ";
    static final String ACCESS_KEY = "AKIA" + "CANARY0123456789";
    static final String ABSK = "ABSK"
            + java.util.Base64.getEncoder()
                    .encodeToString(
                            "BedrockCANARYcanarykey1234567890".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final String OPAQUE =
            "opaque-canary-7f3e9a1c"; // no known shape: caught because it was seen in a credential header
    static final String CONFIGURED =
            "configured-canary-55aa"; // no known shape: caught because it was declared a secret
    static final List<String> CANARIES = List.of(
            BEDROCK_KEY,
            OPENAI_KEY,
            ACCESS_KEY,
            ABSK,
            OPAQUE,
            CONFIGURED,
            "YmVkcm9jay5hbWF6b25hd3MuY29tLz9DQU5BUlk9MQ",
            "CANARYcanary0123456789");

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream();
        upstream.route("/v1/echo", (exchange, body) -> {
            exchange.getResponseHeaders().set("X-Request-Id", "req-" + OPAQUE);
            exchange.getResponseHeaders().set("Set-Cookie", "session=" + OPAQUE);
            LoopbackUpstream.sendJson(
                    exchange,
                    200,
                    "{\"you_sent\":" + new String(body) + ",\"auth\":\""
                            + exchange.getRequestHeaders().getFirst("Authorization") + "\",\"note\":\"" + CONFIGURED
                            + " " + ACCESS_KEY + "\"}");
        });
        upstream.route("/v1/stream", (exchange, body) -> {
            OutputStream out = LoopbackUpstream.startEventStream(exchange);
            LoopbackUpstream.sendEvent(out, "{\"delta\":\"" + OPENAI_KEY + "\"}");
            LoopbackUpstream.sendEvent(out, "token " + BEDROCK_KEY);
            out.close();
        });
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(upstream.uri(path + "?api_key=" + OPAQUE + "&q=" + ABSK))
                .header("Authorization", "Bearer " + BEDROCK_KEY)
                .header("x-api-key", OPAQUE)
                .header("Content-Type", "application/json")
                .header("Accept", "Bearer " + OPENAI_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"content\":\"my key is " + OPENAI_KEY
                        + " and " + ACCESS_KEY + "\"}],\"api_key\":\"" + OPAQUE + "\"}"))
                .build();
    }

    @Test
    void canaries() throws Exception {
        Harness harness =
                Harnesses.builder(recordings, Mode.RECORD).secret(CONFIGURED).build();
        try (HarnessSession session = harness.session("RedactionTest#canaries")) {
            HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            client.send(request("/v1/echo"), HttpResponse.BodyHandlers.ofString());
            client.send(request("/v1/stream"), HttpResponse.BodyHandlers.ofString());
        }
        List<String> texts = new ArrayList<>();
        for (Path file : Harnesses.files(recordings)) {
            texts.add(file + ":\n" + Files.readString(file));
        }
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0) + texts.get(1)).contains(Redactor.PLACEHOLDER);

        Harness replay =
                Harnesses.builder(recordings, Mode.REPLAY).secret(CONFIGURED).build();
        try (HarnessSession session = replay.session("RedactionTest#canaries")) {
            HttpRequest changed = HttpRequest.newBuilder(request("/v1/echo"), (n, v) -> true)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"api_key\":\"" + OPAQUE + "\",\"other\":\"" + OPENAI_KEY + "\"}"))
                    .build();
            Throwable miss = catchThrowable(() -> JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(changed, HttpResponse.BodyHandlers.ofString()));
            assertThat(miss).isNotNull();
            texts.add(miss.toString());
            texts.add(String.valueOf(((org.opentest4j.AssertionFailedError) miss).getExpected()));
            texts.add(String.valueOf(((org.opentest4j.AssertionFailedError) miss).getActual()));
            texts.add(session.toString());
        }
        for (String text : texts) {
            for (String canary : CANARIES) {
                assertThat(text).as("canary %s", canary).doesNotContain(canary);
            }
        }
    }

    @Test
    @DisplayName(
            "Harness.redact, for messages of code built on the harness: declared secrets and credential shapes go, prose stays")
    void harnessRedact() {
        Harness harness =
                Harnesses.builder(recordings, Mode.REPLAY).secret(CONFIGURED).build();
        String text = "upstream said: key " + CONFIGURED + ", Authorization: Bearer " + BEDROCK_KEY + ", " + OPENAI_KEY
                + " and " + ABSK + " about a bearer bond";
        String redacted = harness.redact(text);
        for (String canary : CANARIES) {
            assertThat(redacted).as("canary %s", canary).doesNotContain(canary);
        }
        assertThat(redacted)
                .startsWith("upstream said: key " + Redactor.PLACEHOLDER)
                .endsWith(" about a bearer bond");
    }

    @Test
    @DisplayName("a secret in the URL path reaches neither the file, the key, nor the session's record of what it did")
    void secretInPath() throws Exception {
        upstream.route(
                "/v1/bot/" + OPAQUE + "/send",
                (exchange, body) -> LoopbackUpstream.sendJson(exchange, 200, "{\"ok\":true}"));
        Harness harness =
                Harnesses.builder(recordings, Mode.RECORD).secret(OPAQUE).build();
        try (HarnessSession session = harness.session("RedactionTest#path")) {
            JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(
                            HttpRequest.newBuilder(upstream.uri("/v1/bot/" + OPAQUE + "/send"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(session.uses().get(0).path()).isEqualTo("/v1/bot/REDACTED/send");
        }
        Path file = Harnesses.files(recordings).get(0);
        assertThat(Files.readString(file))
                .doesNotContain(OPAQUE)
                .contains("\"url\": \"http://127.0.0.1/v1/bot/REDACTED/send\"");
    }

    @Test
    @DisplayName(
            "ordinary text survives: prose about 'basic' or 'bearer' things is neither redacted nor merged into one key")
    void ordinaryTextSurvives() throws Exception {
        upstream.route(
                "/v1/plain",
                (exchange, body) -> LoopbackUpstream.sendJson(
                        exchange,
                        200,
                        "{\"answer\":\"Here is a basic overview for the bearer of this letter; sk-short stays.\"}"));
        Harness harness = Harnesses.of(recordings, Mode.RECORD);
        try (HarnessSession session = harness.session("RedactionTest#prose")) {
            HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            for (String topic : List.of("physics", "chemistry")) {
                client.send(
                        HttpRequest.newBuilder(upstream.uri("/v1/plain"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"prompt\":\"explain basic " + topic + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        List<Path> files = Harnesses.files(recordings);
        assertThat(files).as("two prompts, two keys").hasSize(2);
        String all = Files.readString(files.get(0)) + Files.readString(files.get(1));
        assertThat(all)
                .contains("explain basic physics")
                .contains("explain basic chemistry")
                .contains("Here is a basic overview for the bearer of this letter; sk-short stays.")
                .doesNotContain(Redactor.PLACEHOLDER);
    }

    @Test
    @DisplayName("a recording made with a real token replays with a dummy key: credentials never enter the key")
    void dummyKeyReplays() throws Exception {
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("RedactionTest#dummy")) {
            JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request("/v1/echo"), HttpResponse.BodyHandlers.ofString());
        }
        HttpRequest dummy = HttpRequest.newBuilder(request("/v1/echo"), (n, v) -> !n.equalsIgnoreCase("authorization"))
                .header("Authorization", "Bearer replay-mode-dummy-key")
                .build();
        try (HarnessSession session = Harnesses.of(recordings, Mode.REPLAY).session("RedactionTest#dummy")) {
            assertThat(JdkHarness.wrap(HttpClient.newHttpClient(), session)
                            .send(dummy, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
