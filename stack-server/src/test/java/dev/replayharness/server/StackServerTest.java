package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.core.Mode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stack server's API, bad input and faults, recording against the Bedrock emulator into a temporary folder. */
class StackServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "bedrock/openai.gpt-oss-20b-1:0";

    @TempDir
    Path dir;

    TestStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private TestStack recording() {
        stack = TestStack.start(dir, Mode.RECORD, dir.resolve("recordings"), builder -> builder.maxRequestBytes(4096));
        return stack;
    }

    static String ask(String question, boolean stream) {
        return "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question
                + "\"}],\"stream\":" + stream + "}";
    }

    static JsonNode error(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("error")).as(response.body()).isTrue();
        return body.get("error");
    }

    @Test
    void modelsAreListedLlamaStackStyleAndOpenAiStyle() {
        JsonNode models = JSON.readTree(recording().get("/v1/models").body());
        JsonNode model = models.get("data").get(0);
        assertThat(model.get("identifier").asString()).isEqualTo(MODEL);
        assertThat(model.get("provider_id").asString()).isEqualTo("bedrock");
        assertThat(model.get("provider_resource_id").asString()).isEqualTo("openai.gpt-oss-20b-1:0");
        assertThat(model.get("model_type").asString()).isEqualTo("llm");
        assertThat(model.at("/metadata/description").asString()).isEqualTo("OpenAI GPT-OSS 20B on Bedrock (us-west-2)");
        assertThat(model.get("id").asString()).isEqualTo(MODEL);
        assertThat(models.get("object").asString()).isEqualTo("list");
    }

    @Test
    void theRequestReachesTheProviderWithItsModelRoutedAndItsSamplingParameters() {
        recording();
        HttpResponse<String> answer = stack.post(
                "/v1/chat/completions",
                "{\"model\": \"" + MODEL + "\", \"messages\":"
                        + " [{\"role\": \"user\", \"content\": \"Write a haiku about coding\"}], \"temperature\": 0.7,"
                        + " \"top_p\": 0.9, \"max_tokens\": 50, \"seed\": 7, \"stream\": false}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode sent = JSON.readTree(stack.emulator.requests().get(0).body());
        assertThat(sent.get("model").asString()).isEqualTo("openai.gpt-oss-20b-1:0");
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(50);
        assertThat(sent.get("seed").asInt()).isEqualTo(7);
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingIsSent() {
        recording();
        String big = ask("x".repeat(5000), false);
        HttpResponse<String> response = stack.post("/v1/chat/completions", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).get("message").asString())
                .contains("this server accepts at most 4096 bytes")
                .contains("--max-request-bytes");
        // the same without a Content-Length: counted while reading
        HttpResponse<String> chunked = stack.send(HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(stack.emulator.requestCount()).isZero();
        assertThat(stack.post("/v1/chat/completions", ask("Hello, world!", false))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unsupportedEndpointsAnswer501AtOnce() {
        recording();
        for (String path : List.of("/v1/completions", "/v1/embeddings")) {
            HttpResponse<String> response = stack.post(path, "{\"model\":\"" + MODEL + "\",\"input\":\"hi\"}");
            assertThat(response.statusCode()).isEqualTo(501);
            assertThat(response.headers().firstValue("X-Should-Retry"))
                    .as("OpenAI SDKs retry 5xx unless told not to")
                    .hasValue("false");
            assertThat(error(response).get("message").asString()).contains("not supported");
        }
        HttpResponse<String> unknown = stack.get("/v2/whatever");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).get("message").asString()).contains("No endpoint GET /v2/whatever");
        HttpResponse<String> wrongMethod = stack.send(
                HttpRequest.newBuilder(stack.uri("/v1/models")).DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("GET");
        assertThat(stack.emulator.requestCount()).isZero();
    }

    @Test
    void storedCompletionsAreListedPagedAndFetchedWithTheirInputMessages() {
        recording();
        List<String> ids = new ArrayList<>();
        for (String q : List.of("Which planet do humans live on?", "Write a haiku about coding", "Hello, world!")) {
            ids.add(JSON.readTree(
                            stack.post("/v1/chat/completions", ask(q, false)).body())
                    .get("id")
                    .asString());
        }
        ids.add(lastStreamedId(stack.post("/v1/chat/completions", ask("Count from 1 to 5", true))
                .body()));
        JsonNode first = JSON.readTree(
                stack.get("/v1/chat/completions?limit=3&order=asc").body());
        assertThat(first.get("data").findValuesAsString("id")).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("last_id").asString()).isEqualTo(ids.get(2));
        JsonNode second = JSON.readTree(stack.get("/v1/chat/completions?limit=3&order=asc&after=" + ids.get(2))
                .body());
        assertThat(second.get("data").findValuesAsString("id")).containsExactly(ids.get(3));
        assertThat(second.get("has_more").asBoolean()).isFalse();
        JsonNode newestFirst = JSON.readTree(stack.get("/v1/chat/completions").body());
        assertThat(newestFirst.get("data").get(0).get("id").asString()).isEqualTo(ids.get(3));

        JsonNode streamed =
                JSON.readTree(stack.get("/v1/chat/completions/" + ids.get(3)).body());
        assertThat(streamed.at("/choices/0/message/content").asString()).contains("1, 2, 3, 4, 5");
        assertThat(streamed.at("/input_messages/0/content").asString()).isEqualTo("Count from 1 to 5");

        HttpResponse<String> missing = stack.get("/v1/chat/completions/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).get("message").asString()).contains("No stored chat completion has id 'nope'");
        HttpResponse<String> badCursor = stack.get("/v1/chat/completions?after=nope");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(stack.get("/v1/chat/completions?limit=0").statusCode()).isEqualTo(400);
        assertThat(stack.get("/v1/chat/completions?order=up").statusCode()).isEqualTo(400);
    }

    private static String lastStreamedId(String sse) {
        String id = null;
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                id = JSON.readTree(line.substring(6)).get("id").asString();
            }
        }
        return id;
    }

    @Test
    void aReplayMissIs424NamingTheFixAndNothingIsSent() {
        stack = TestStack.start(dir, Mode.REPLAY, dir.resolve("empty"), builder -> {});
        HttpResponse<String> response =
                stack.post("/v1/chat/completions", ask("Which planet do humans live on?", false));
        assertThat(response.statusCode())
                .as("not retried by SDKs, unlike 5xx; not a provider 404")
                .isEqualTo(424);
        assertThat(response.headers().firstValue(StackServer.MISS_HEADER)).hasValue("true");
        assertThat(response.headers().firstValue("X-Should-Retry")).hasValue("false");
        JsonNode error = error(response);
        assertThat(error.get("type").asString()).isEqualTo("replay_miss");
        assertThat(error.get("message").asString())
                .contains("--mode record-if-missing")
                .contains("--recordings " + dir.resolve("empty"))
                .contains("Which planet");
        assertThat(stack.emulator.requestCount()).isZero();
        assertThat(stack.server.store().count()).isZero();
    }

    @Test
    void providerErrorsKeepTheirMeaningAndNeverShowTheKey() throws IOException {
        String key = "canary-key-Zq81VvT0pLmN"; // canary
        stack = TestStack.start(
                dir,
                Mode.RECORD,
                dir.resolve("recordings"),
                java.util.Map.of("AWS_BEARER_TOKEN_BEDROCK", key),
                builder -> {});
        stack.emulator.requireToken("some-other-token");
        HttpResponse<String> denied = stack.post("/v1/chat/completions", ask("Hello, world!", false));
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(error(denied).get("type").asString()).isEqualTo("authentication_error");
        assertThat(denied.body()).doesNotContain(key);
        stack.emulator.requireToken(key);
        stack.emulator.enqueue(ScriptedResponse.of(400, "{\"error\":{\"message\":\"bad thing " + key + "\"}}"));
        HttpResponse<String> invalid = stack.post("/v1/chat/completions", ask("Hello, world!", false));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).doesNotContain(key);
        assertThat(stack.post("/v1/chat/completions", ask("Hello, world!", false))
                        .statusCode())
                .isEqualTo(200);
        stack.close();
        try (Stream<Path> files = Files.walk(dir.resolve("recordings"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(key);
            }
        }
    }

    @Test
    void aClientLeavingMidStreamLosesNothingAndTheServerKeepsServing() throws Exception {
        recording();
        stack.emulator.slowStreams(Duration.ofMillis(20), 25);
        HttpResponse<InputStream> response = stack.client.send(
                HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(ask("Count from 1 to 5", true)))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("data: {");
        } // the client goes away after the first event
        awaitStored(1);
        JsonNode stored = JSON.readTree(stack.get("/v1/chat/completions").body())
                .get("data")
                .get(0);
        assertThat(stored.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(stored.at("/choices/0/message/content").asString()).contains("1, 2, 3, 4, 5");
        assertThat(stack.post("/v1/chat/completions", ask("Hello, world!", false))
                        .statusCode())
                .isEqualTo(200);
        stack.close();
        try (Stream<Path> files = Files.list(dir.resolve("recordings/stack-server"))) {
            List<Path> recorded = files.toList();
            assertThat(recorded).hasSize(2);
            for (Path file : recorded) {
                assertThat(Files.readString(file))
                        .doesNotContain("\"interrupted\"")
                        .doesNotContain("truncated");
            }
        }
    }

    private void awaitStored(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stack.server.store().count() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stack.server.store().count()).isEqualTo(count);
    }

    @Test
    void concurrentClientsAreAllAnsweredAndStored() throws Exception {
        recording();
        int clients = 16;
        int each = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                for (int i = 0; i < each; i++) {
                    String question = "question " + c + "-" + i;
                    boolean stream = i % 2 == 0;
                    results.add(pool.submit(() -> stack.post("/v1/chat/completions", ask(question, stream))
                            .statusCode()));
                }
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stack.server.store().count()).isEqualTo(clients * each);
    }

    @Test
    void gracefulShutdownLetsAStreamFinishAndKeepsItsCompletion() throws Exception {
        recording();
        // Pauses longer than the 100 ms in which idle connections are closed once stopping: the stream
        // is not idle, its provider is thinking (Bedrock pauses that long while it reasons).
        stack.emulator.slowStreams(Duration.ofMillis(300), 3);
        Path db = stack.server.store().file();
        java.net.URI models = stack.uri("/v1/models");
        HttpResponse<InputStream> response = stack.client.send(
                HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(ask("Count from 1 to 5", true)))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String rest;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("data: {");
            CompletableFuture<Void> closing = CompletableFuture.runAsync(stack.server::close);
            StringBuilder read = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                read.append(line).append('\n');
            }
            rest = read.toString();
            closing.get();
        }
        assertThat(rest).endsWith("data: [DONE]\n\n");
        assertThatThrownBy(() -> stack.send(HttpRequest.newBuilder(models).build()))
                .hasCauseInstanceOf(java.net.ConnectException.class);
        try (InferenceStore reopened = InferenceStore.open(db, InferenceStore.DEFAULT_TABLE)) {
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void aTakenPortIsNamedWithTheFix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestStack.start(
                            dir, Mode.RECORD, dir.resolve("recordings"), builder -> builder.port(taken.getLocalPort())))
                    .isInstanceOf(StackServerException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("choose another port (--port, or server.port in");
        }
        assertThat(dir.resolve("store"))
                .as("the store is created only once the port is bound")
                .doesNotExist();
    }
}
