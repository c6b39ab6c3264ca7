package dev.replayharness.llamastack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.Harnesses;

import tools.jackson.databind.JsonNode;

@DisplayName("Llama Stack's real Bedrock recordings, imported and replayed through java.net.http")
class LlamaStackFixtureReplayTest {
    static final String LOGPROBS_STREAMING =
            "responses/0746c8e1e3c03d7c554422c71b7ed8198d1abfcbb9cb265508f7e6362f93b59a.json";
    static final String LOGPROBS_NON_STREAMING =
            "responses/78b8199a57be62a0d19d3d8034faae138d6133a65909057c60cdd95c31883e44.json";
    static final String IMAGE_400 = "responses/1f7f4726b3271546e67f50afb573d25464cb32df99289e4bb9a6a816912a47b8.json";
    static final String MODELS =
            "responses/models-66c1506ac9a1c3cac55a2dabb6a81f068d753f4a69ae4edeb730b7ca374186c7-3ff721a4.json";

    @TempDir
    Path recordings;

    Path fixtures;
    ConnectionCountingServer sentinel;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fixtures = LlamaStackFixtures.folder();
        sentinel = new ConnectionCountingServer();
    }

    @AfterEach
    void stop() throws Exception {
        sentinel.close();
    }

    List<LlamaStackImporter.Imported> importBoth() {
        return LlamaStackImporter.plan(
                        List.of(fixtures, fixtures.resolve("responses")),
                        recordings.resolve("bedrock"),
                        ImportScope.AUTO)
                .write();
    }

    LlamaStackImporter.Imported find(List<LlamaStackImporter.Imported> imported, String relative) {
        return imported.stream()
                .filter(i -> i.from().equals(fixtures.resolve(relative)))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    @DisplayName("importing both folders in one import")
    class Importing {
        @Test
        @DisplayName(
                "imports all 14 recordings: 12 shared, the two making the same request test-scoped; skips README.md, LICENSE and the subfolder")
        void counts() {
            ImportPlan plan = LlamaStackImporter.plan(
                    List.of(fixtures, fixtures.resolve("responses")), recordings.resolve("bedrock"), ImportScope.AUTO);
            assertThat(plan.imported()).hasSize(14);
            assertThat(plan.imported().stream().filter(i -> i.testId() == null)).hasSize(12);
            assertThat(plan.imported().stream()
                            .filter(i -> i.testId() != null)
                            .map(i -> fixtures.relativize(i.from()).toString()))
                    .containsExactlyInAnyOrder(LOGPROBS_STREAMING, LOGPROBS_NON_STREAMING);
            assertThat(plan.skipped())
                    .extracting(s -> s.file().getFileName() + ": " + s.reason())
                    .containsExactly(
                            "LICENSE: not a .json file",
                            "README.md: not a .json file",
                            "responses: a folder (name it as a source of its own to import it)");
            assertThat(recordings.resolve("bedrock"))
                    .as("planning writes nothing")
                    .doesNotExist();
            plan.write();
            try (var files = Files.list(recordings.resolve("bedrock"))) {
                assertThat(files.count()).isEqualTo(14);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        @DisplayName("the top folder alone imports its six recordings, all shared, as before")
        void topFolder() {
            List<LlamaStackImporter.Imported> imported =
                    LlamaStackImporter.importDirectory(fixtures, recordings.resolve("bedrock"));
            assertThat(imported)
                    .hasSize(6)
                    .allSatisfy(i -> assertThat(i.testId()).isNull());
        }

        @Test
        @DisplayName("the two same-request files get test ids derived from theirs: 'llama-stack:' + the pytest node id")
        void testIds() throws Exception {
            List<LlamaStackImporter.Imported> imported = importBoth();
            assertThat(find(imported, LOGPROBS_STREAMING).testId())
                    .isEqualTo(
                            "llama-stack:tests/integration/responses/"
                                    + "test_basic_responses.py::test_include_logprobs_streaming[txt=bedrock/openai.gpt-oss-20b-1:0]");
            assertThat(find(imported, LOGPROBS_NON_STREAMING).testId())
                    .isEqualTo(
                            "llama-stack:tests/integration/responses/"
                                    + "test_basic_responses.py::test_include_logprobs_non_streaming[txt=bedrock/openai.gpt-oss-20b-1:0]");
            for (String relative : List.of(LOGPROBS_STREAMING, LOGPROBS_NON_STREAMING)) {
                String nodeId = source(relative).get("test_id").stringValue();
                assertThat(find(imported, relative).testId()).isEqualTo(LlamaStackImporter.testId(nodeId));
            }
        }
    }

    @Nested
    @DisplayName("replaying what was imported (replay mode, no connection made)")
    class Replaying {
        @Test
        @DisplayName(
                "every recording replays the status, content type and body (each SSE data event) of its source file")
        void everyFile() throws Exception {
            List<LlamaStackImporter.Imported> imported = importBoth();
            for (LlamaStackImporter.Imported one : imported) {
                JsonNode source = source(fixtures.relativize(one.from()).toString());
                HttpResponse<String> response = replay(one, source);
                Expected expected = Expected.of(source);
                assertThat(response.statusCode()).as(one.from().toString()).isEqualTo(expected.status());
                assertThat(response.headers().firstValue("content-type"))
                        .as(one.from().toString())
                        .contains(expected.contentType());
                assertThat(body(response)).as(one.from().toString()).isEqualTo(expected.body());
            }
            assertThat(sentinel.acceptedConnections())
                    .as("connections to the upstream")
                    .isZero();
        }

        @Test
        @DisplayName("the image request replays as Bedrock's HTTP 400, with the error body the OpenAI SDK unwrapped")
        void error() throws Exception {
            LlamaStackImporter.Imported one = find(importBoth(), IMAGE_400);
            JsonNode source = source(IMAGE_400);
            HttpResponse<String> response = replay(one, source);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).contains("application/json");
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("error");
            assertThat(body.get("error")).isEqualTo(source.at("/response/exception_data/body"));
            assertThat(body.at("/error/message").stringValue()).contains("Model does not support image modality");
            assertThat(sentinel.acceptedConnections()).isZero();
        }

        @Test
        @DisplayName("the model list replays for GET /openai/v1/models as {\"object\":\"list\",\"data\":[37 models]}")
        void models() throws Exception {
            LlamaStackImporter.Imported one = find(importBoth(), MODELS);
            try (HarnessSession session = harness().sharedSession()) {
                HttpResponse<String> response = JdkHarness.wrap(http, session)
                        .send(
                                HttpRequest.newBuilder(sentinel.uri("/openai/v1/models"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode body = Json.MAPPER.readTree(response.body());
                assertThat(body.get("object").stringValue()).isEqualTo("list");
                assertThat(body.get("data")).hasSize(37);
                assertThat(body.at("/data/0/id").stringValue()).isEqualTo("qwen.qwen3-coder-30b-a3b-instruct");
                assertThat(session.uses()).extracting(RecordingUse::file).containsExactly(one.to());
            }
            assertThat(sentinel.acceptedConnections()).isZero();
        }

        @Test
        @DisplayName("the two tests' same request replays each test's own answer under its own test id")
        void sameRequestTwoAnswers() throws Exception {
            List<LlamaStackImporter.Imported> imported = importBoth();
            LlamaStackImporter.Imported streaming = find(imported, LOGPROBS_STREAMING);
            LlamaStackImporter.Imported nonStreaming = find(imported, LOGPROBS_NON_STREAMING);
            assertThat(streaming.to()).isNotEqualTo(nonStreaming.to());
            List<JsonNode> first = body(replay(streaming, source(LOGPROBS_STREAMING)));
            List<JsonNode> second = body(replay(nonStreaming, source(LOGPROBS_NON_STREAMING)));
            assertThat(first).isEqualTo(Expected.of(source(LOGPROBS_STREAMING)).body());
            assertThat(second)
                    .isEqualTo(Expected.of(source(LOGPROBS_NON_STREAMING)).body());
            assertThat(first).isNotEqualTo(second);
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }

    Harness harness() {
        return Harnesses.builder(recordings, Mode.REPLAY).namespace("bedrock").build();
    }

    JsonNode source(String relative) throws Exception {
        return Json.MAPPER.readTree(Files.readAllBytes(fixtures.resolve(relative)));
    }

    /** Sends the source file's request (its body as they recorded it) to the closed-off sentinel, through the harness. */
    HttpResponse<String> replay(LlamaStackImporter.Imported one, JsonNode source) throws Exception {
        Harness harness = harness();
        try (HarnessSession session = one.testId() == null ? harness.sharedSession() : harness.session(one.testId())) {
            String path = URI.create(source.at("/request/url").stringValue())
                    .getRawPath()
                    .replace("/v1/v1/", "/v1/");
            HttpRequest.Builder request = HttpRequest.newBuilder(sentinel.uri(path));
            if (path.endsWith("/models")) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.compact(source.at("/request/body"))));
            }
            HttpResponse<String> response =
                    JdkHarness.wrap(http, session).send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.uses())
                    .extracting(RecordingUse::outcome, RecordingUse::file)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RecordingUse.Outcome.REPLAYED, one.to()));
            return response;
        }
    }

    /** The body as JSON values: one per SSE data event ("[DONE]" as a string), or the one JSON body. */
    static List<JsonNode> body(HttpResponse<String> response) {
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            List<JsonNode> events = new ArrayList<>();
            for (String event : response.body().split("\n\n")) {
                String data = event.lines()
                        .filter(l -> l.startsWith("data: "))
                        .map(l -> l.substring(6))
                        .collect(Collectors.joining("\n"));
                events.add(
                        data.equals("[DONE]")
                                ? Json.MAPPER.getNodeFactory().stringNode(data)
                                : Json.MAPPER.readTree(data));
            }
            return events;
        }
        return List.of(Json.MAPPER.readTree(response.body()));
    }

    /** What the source file says the upstream answered, independent of the importer. */
    record Expected(int status, String contentType, List<JsonNode> body) {
        static Expected of(JsonNode source) {
            JsonNode response = source.get("response");
            if (response.path("is_exception").asBoolean()) {
                JsonNode error = Json.MAPPER.createObjectNode().set("error", response.at("/exception_data/body"));
                return new Expected(
                        response.at("/exception_data/status_code").asInt(), "application/json", List.of(error));
            }
            JsonNode body = response.get("body");
            if (response.path("is_streaming").asBoolean()) {
                List<JsonNode> events = new ArrayList<>();
                body.forEach(chunk -> events.add(chunk.get("__data__")));
                events.add(Json.MAPPER.getNodeFactory().stringNode("[DONE]"));
                return new Expected(200, "text/event-stream", events);
            }
            if (body.isArray()) {
                var list = Json.MAPPER.createObjectNode().put("object", "list");
                body.forEach(model -> list.withArray("data").add(model.get("__data__")));
                return new Expected(200, "application/json", List.of(list));
            }
            return new Expected(200, "application/json", List.of(body.get("__data__")));
        }
    }
}
