package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The stack server answers as a Llama Stack server does")
class LlamaStackFidelityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = StackServerTest.MODEL;
    private static final String PLANET = "Which planet do humans live on?";

    @TempDir
    Path dir;

    TestStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private TestStack replaying() {
        stack = TestStack.start(dir, Mode.REPLAY, TestStack.repositoryRecordings(), builder -> {});
        return stack;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> createThree(String testId) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(StackServerTest.ask(PLANET, false)));
            if (testId != null) {
                request.header(StackServer.TEST_HEADER, testId);
            }
            ids.add(json(stack.send(request.build())).get("id").asString());
        }
        return ids;
    }

    @Nested
    @DisplayName("every served completion has its own id")
    class ServedIds {

        @Test
        @DisplayName("three identical creates replaying one recording are listed as three, with counted ids")
        void threeIdenticalCreatesListAsThree() {
            replaying();
            List<String> ids = createThree(null);
            assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("rec-[0-9a-f]{12}-[123]"));
            assertThat(ids.get(0)).endsWith("-1");
            JsonNode list = json(stack.get("/v1/chat/completions?limit=100&order=asc"));
            assertThat(list.get("data").findValuesAsString("id")).containsExactlyElementsOf(ids);
        }

        @Test
        @DisplayName("the ids are the same in every run, and differ between tests replaying one recording")
        void idsAreDeterministicPerTest() throws IOException {
            replaying();
            List<String> shared = createThree(null);
            List<String> testA = createThree("com.example.ATest#asks()");
            stack.close();
            stack = TestStack.start(
                    Files.createDirectories(dir.resolve("second-run")),
                    Mode.REPLAY,
                    TestStack.repositoryRecordings(),
                    b -> {});
            assertThat(createThree("com.example.ATest#asks()")).containsExactlyElementsOf(testA);
            assertThat(createThree(null)).containsExactlyElementsOf(shared);
            assertThat(testA).doesNotContainAnyElementsOf(shared);
        }

        @Test
        @DisplayName("a streamed completion carries its served id in every chunk and in the store")
        void streamedChunksCarryTheServedId() {
            replaying();
            HttpResponse<String> first =
                    stack.post("/v1/chat/completions", StackServerTest.ask("Count from 1 to 5", true));
            HttpResponse<String> second =
                    stack.post("/v1/chat/completions", StackServerTest.ask("Count from 1 to 5", true));
            List<String> firstIds = chunkIds(first.body());
            List<String> secondIds = chunkIds(second.body());
            assertThat(firstIds).hasSizeGreaterThan(2).containsOnly(firstIds.get(0));
            assertThat(secondIds).containsOnly(secondIds.get(0));
            assertThat(firstIds.get(0)).isNotEqualTo(secondIds.get(0)).matches("rec-[0-9a-f]{12}-1");
            assertThat(stack.get("/v1/chat/completions/" + secondIds.get(0)).statusCode())
                    .isEqualTo(200);
        }

        private List<String> chunkIds(String sse) {
            return Stream.of(sse.split("\n"))
                    .filter(line -> line.startsWith("data: {"))
                    .map(line -> JSON.readTree(line.substring(6)).get("id").asString())
                    .toList();
        }

        @Test
        @DisplayName("recording three identical creates writes one recording with the recorded id, not a served one")
        void theRecordingKeepsItsOwnId() throws IOException {
            Path recordings = dir.resolve("recordings");
            stack = TestStack.start(dir, Mode.RECORD, recordings, builder -> {});
            List<String> ids = createThree(null);
            stack.close();
            stack = null;
            assertThat(ids).doesNotHaveDuplicates();
            try (Stream<Path> files = Files.list(recordings.resolve(StackServer.NAMESPACE))) {
                List<Path> written = files.toList();
                assertThat(written).hasSize(1);
                String recording = Files.readString(written.get(0));
                assertThat(recording).containsPattern("\"id\" ?: ?\"rec-[0-9a-f]{12}\"");
                ids.forEach(id -> assertThat(recording).doesNotContain(id));
            }
        }
    }

    @Nested
    @DisplayName("models")
    class Models {

        @Test
        @DisplayName("GET /v1/models/{id} answers the model by its stack id (with its slash) or provider id")
        void retrieveByEitherName() {
            replaying();
            JsonNode byStackId = json(stack.get("/v1/models/" + MODEL));
            assertThat(byStackId.get("identifier").asString()).isEqualTo(MODEL);
            assertThat(byStackId.get("provider_resource_id").asString()).isEqualTo("openai.gpt-oss-20b-1:0");
            assertThat(byStackId.get("id").asString()).isEqualTo(MODEL);
            assertThat(json(stack.get("/v1/models/openai.gpt-oss-20b-1:0"))
                            .get("identifier")
                            .asString())
                    .isEqualTo(MODEL);
        }

        @Test
        @DisplayName("an unknown model is a 404 that lists the registered ones")
        void unknownModel() {
            replaying();
            HttpResponse<String> response = stack.get("/v1/models/bedrock/nope");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(StackServerTest.error(response).get("message").asString())
                    .contains("'bedrock/nope' is not registered")
                    .contains(MODEL);
        }

        @Test
        @DisplayName("listing completions by model accepts the stack id that /v1/models lists")
        void listByStackId() {
            replaying();
            List<String> ids = createThree(null);
            assertThat(json(stack.get("/v1/chat/completions?model=" + MODEL))
                            .get("data")
                            .findValuesAsString("id"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(json(stack.get("/v1/chat/completions?model=openai.gpt-oss-20b-1:0"))
                            .get("data")
                            .size())
                    .isEqualTo(3);
            assertThat(json(stack.get("/v1/chat/completions?model=bedrock/other"))
                            .get("data"))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("errors a client can act on")
    class Errors {

        @Test
        @DisplayName("a malformed bedrock-api-key is a 401 naming the key's problem, never the key")
        void malformedShortTermKey() {
            // A malformed short-term key (base64 of "secret-part-of-the-key", no presigned URL inside), built here
            // so that no credential-shaped literal is committed.
            String key = "bedrock-api-key-"
                    + java.util.Base64.getEncoder()
                            .withoutPadding()
                            .encodeToString("secret-part-of-the-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stack = TestStack.start(
                    dir, Mode.RECORD, dir.resolve("recordings"), Map.of("AWS_BEARER_TOKEN_BEDROCK", key), b -> {});
            HttpResponse<String> response = stack.post("/v1/chat/completions", StackServerTest.ask(PLANET, false));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            JsonNode error = StackServerTest.error(response);
            assertThat(error.get("type").asString()).isEqualTo("authentication_error");
            assertThat(error.get("message").asString())
                    .contains("is not a valid short-term key")
                    .doesNotContain("This is a bug");
            assertThat(response.body()).doesNotContain(key).doesNotContain("c2VjcmV0LXBhcnQtb2YtdGhlLWtleQ");
            assertThat(stack.emulator.requestCount()).isZero();
        }

        @Test
        @DisplayName("a provider completion without an id is a 502 and is neither counted nor stored")
        void completionWithoutAnId() {
            stack = TestStack.start(dir, Mode.RECORD, dir.resolve("recordings"), b -> {});
            stack.emulator.enqueue(dev.replayharness.bedrock.emulator.ScriptedResponse.of(
                    200,
                    "{\"object\":\"chat.completion\",\"created\":1,\"model\":\"openai.gpt-oss-20b-1:0\","
                            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                            + "\"finish_reason\":\"stop\"}]}"));
            HttpResponse<String> response = stack.post("/v1/chat/completions", StackServerTest.ask(PLANET, false));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
            assertThat(StackServerTest.error(response).get("message").asString())
                    .contains("has no id");
            assertThat(stack.server.store().count()).isZero();
            String next = json(stack.post("/v1/chat/completions", StackServerTest.ask(PLANET, false)))
                    .get("id")
                    .asString();
            assertThat(next).as("the refused one used no number").endsWith("-1");
        }

        @Test
        @DisplayName("malformed JSON is a 400 naming the line and column, without Jackson's internals")
        void malformedJson() {
            replaying();
            HttpResponse<String> response =
                    stack.post("/v1/chat/completions", "{\"model\": \"" + MODEL + "\",\n  \"messages\": [}");
            assertThat(response.statusCode()).isEqualTo(400);
            String message = StackServerTest.error(response).get("message").asString();
            assertThat(message)
                    .contains("not valid JSON at line 2, column 16: Unexpected close marker '}': expected ']' to"
                            + " close the list.")
                    .doesNotContainIgnoringCase("jackson")
                    .doesNotContain("Source:")
                    .doesNotContain("REDACTED")
                    .doesNotContain("code 125")
                    .doesNotContain("StreamReadFeature");
        }
    }

    @Nested
    @DisplayName("stopping")
    class Stopping {

        @Test
        @DisplayName("requests in flight when the server stops are all answered, streamed or not")
        void requestsInFlightFinish() throws Exception {
            stack = TestStack.start(dir, Mode.RECORD, dir.resolve("recordings"), builder -> {});
            // Longer than the 100 ms after which idle connections close once stopping.
            stack.emulator.delayResponses(Duration.ofMillis(400));
            int clients = 12;
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(stack.client.sendAsync(
                        HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        StackServerTest.ask("question " + i, i % 2 == 0)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stack.emulator.requestCount() < clients && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(stack.emulator.requestCount())
                    .as("every request reached the provider")
                    .isEqualTo(clients);
            Path db = stack.server.store().file();
            stack.server.close(); // what the serve command's SIGTERM hook does
            for (int i = 0; i < clients; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                assertThat(answer.statusCode())
                        .as("request %d: %s", i, answer.body())
                        .isEqualTo(200);
                assertThat(answer.body()).contains(i % 2 == 0 ? "data: [DONE]" : "\"choices\"");
            }
            try (InferenceStore reopened = InferenceStore.open(db, InferenceStore.DEFAULT_TABLE)) {
                assertThat(reopened.count()).isEqualTo(clients);
            }
        }
    }
}
