package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tools, tool results, content parts, logprobs and the full usage pass through the stack server
 * both ways, and the inference store keeps them: real HTTP against the server, which replays
 * {@code recordings/stack-server} by default ({@code -Dharness.mode=record} re-records them from the
 * Bedrock emulator).
 */
@DisplayName("The stack server passes tool calls, parts and usage through")
class ToolsThroughTheStackTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "bedrock/openai.gpt-oss-20b-1:0";
    static final String TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"get_boiling_point\",\"description\":"
            + "\"Returns the boiling point of a liquid in Celsius or Fahrenheit.\",\"parameters\":{\"type\":\"object\","
            + "\"required\":[\"liquid_name\"],\"properties\":{\"liquid_name\":{\"type\":\"string\"},\"celsius\":"
            + "{\"type\":\"boolean\",\"default\":true}}}}}]";
    static final String QUESTION = "{\"role\":\"user\",\"content\":\"What is the boiling point of myawesomeliquid?\"}";

    @TempDir
    static Path dir;

    static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(
                dir,
                null,
                TestStack.repositoryRecordings(),
                builder -> builder.onRecordingUse(use -> {
                    if (use.file() != null) {
                        ReplayReport.used(ToolsThroughTheStackTest.class, use.file());
                    }
                }));
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
            ReplayReport.write(stack.server.harness().mode().value());
        }
    }

    static String request(String messages, String more) {
        return "{\"model\":\"" + MODEL + "\",\"messages\":[" + messages + "]" + more + "}";
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The JSON chunks of an SSE answer, checked to end with [DONE]. */
    static List<JsonNode> chunks(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring("data: ".length()));
            }
        }
        assertThat(data).last().isEqualTo("[DONE]");
        return data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
    }

    JsonNode stored(String id) {
        return ok(stack.get("/v1/chat/completions/" + id));
    }

    @Nested
    @DisplayName("without streaming")
    class NonStreaming {

        @Test
        @DisplayName("a tool request is answered with the tool call, and the store keeps it")
        void toolCall() {
            JsonNode completion = ok(stack.post(
                    "/v1/chat/completions",
                    request(
                            QUESTION,
                            ",\"tools\":" + TOOLS + ",\"tool_choice\":\"auto\",\"parallel_tool_calls\":false")));
            assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
            JsonNode call = completion.at("/choices/0/message/tool_calls/0");
            assertThat(call.at("/function/name").asString()).isEqualTo("get_boiling_point");
            assertThat(JSON.readTree(call.at("/function/arguments").asString())
                            .path("liquid_name")
                            .asString())
                    .isEqualTo("myawesomeliquid");
            assertThat(completion.at("/usage/total_tokens").asInt())
                    .isEqualTo(completion.at("/usage/prompt_tokens").asInt()
                            + completion.at("/usage/completion_tokens").asInt());
            JsonNode stored = stored(completion.path("id").asString());
            assertThat(stored.at("/choices/0/message/tool_calls"))
                    .isEqualTo(completion.at("/choices/0/message/tool_calls"));
            assertThat(stored.path("usage")).isEqualTo(completion.path("usage"));
        }

        @Test
        @DisplayName("logprobs come back per token")
        void logprobs() {
            JsonNode completion = ok(stack.post(
                    "/v1/chat/completions",
                    request(
                            "{\"role\":\"user\",\"content\":\"Which planet do humans live on?\"}",
                            ",\"logprobs\":true,\"top_logprobs\":1")));
            assertThat(completion.at("/choices/0/logprobs/content"))
                    .isNotEmpty()
                    .allSatisfy(token -> {
                        assertThat(token.path("token").isString()).isTrue();
                        assertThat(token.path("top_logprobs")).hasSize(1);
                    });
        }

        @Test
        @DisplayName(
                "an image part reaches Bedrock, whose 400 comes back as an OpenAI-style 400 with its message unwrapped")
        void image() {
            HttpResponse<String> response = stack.post(
                    "/v1/chat/completions",
                    request(
                            "{\"role\":\"user\",\"content\":["
                                    + "{\"type\":\"text\",\"text\":\"Describe this image\"},{\"type\":\"image_url\",\"image_url\":"
                                    + "{\"url\":\"https://example.com/test.jpg\"}}]}",
                            ""));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asString())
                    .contains("Model does not support image modality")
                    .doesNotContain("{\"error\"");
        }
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {

        @Test
        @DisplayName(
                "tool-call fragments and the usage chunk (choices [], cached_tokens) reach the client; the store keeps the merged call")
        void toolCall() {
            List<JsonNode> chunks = chunks(stack.post(
                    "/v1/chat/completions",
                    request(
                            QUESTION,
                            ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"tools\":" + TOOLS)));
            List<JsonNode> fragments = new ArrayList<>();
            chunks.forEach(chunk -> chunk.at("/choices/0/delta/tool_calls").forEach(fragments::add));
            assertThat(fragments).hasSizeGreaterThan(1);
            assertThat(fragments.get(0).at("/function/name").asString()).isEqualTo("get_boiling_point");
            StringBuilder arguments = new StringBuilder();
            fragments.forEach(fragment ->
                    arguments.append(fragment.at("/function/arguments").asString("")));
            JsonNode usageChunk = chunks.get(chunks.size() - 1);
            assertThat(usageChunk.path("choices")).isEmpty();
            assertThat(usageChunk
                            .at("/usage/prompt_tokens_details/cached_tokens")
                            .isNumber())
                    .isTrue();

            JsonNode stored = stored(chunks.get(0).path("id").asString());
            assertThat(stored.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
            assertThat(stored.at("/choices/0/message/tool_calls"))
                    .singleElement()
                    .satisfies(call -> {
                        assertThat(call.path("id").asString())
                                .isEqualTo(fragments.get(0).path("id").asString());
                        assertThat(call.at("/function/arguments").asString()).isEqualTo(arguments.toString());
                    });
            assertThat(stored.path("usage")).isEqualTo(usageChunk.path("usage"));
        }

        @Test
        @DisplayName(
                "each chunk reaches the client as the provider sent it, its JSON nulls included (id: null on later fragments, finish_reason: null)")
        void chunksAsSent() {
            List<JsonNode> chunks = chunks(stack.post(
                    "/v1/chat/completions",
                    request(
                            QUESTION,
                            ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"tools\":" + TOOLS)));
            List<JsonNode> fragments = new ArrayList<>();
            chunks.forEach(chunk -> chunk.at("/choices/0/delta/tool_calls").forEach(fragments::add));
            assertThat(fragments.subList(1, fragments.size()))
                    .isNotEmpty()
                    .allSatisfy(fragment -> assertThat(
                                    fragment.has("id") && fragment.get("id").isNull())
                            .as(fragment.toString())
                            .isTrue());
            JsonNode first = chunks.get(0).at("/choices/0");
            assertThat(first.has("finish_reason") && first.get("finish_reason").isNull())
                    .as(first.toString())
                    .isTrue();
        }

        @Test
        @DisplayName(
                "the turn after a tool result (content as parts) is answered in text; the store keeps the input messages with their parts")
        void afterToolResult() {
            String messages =
                    QUESTION + ",{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"index\":0,\"id\":"
                            + "\"chatcmpl-tool-8bb935a8982082a5\",\"type\":\"function\",\"function\":{\"name\":\"get_boiling_point\","
                            + "\"arguments\":\"{\\\"liquid_name\\\":\\\"myawesomeliquid\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":"
                            + "\"chatcmpl-tool-8bb935a8982082a5\",\"content\":[{\"type\":\"text\",\"text\":\"-100\"}]}";
            List<JsonNode> chunks = chunks(
                    stack.post("/v1/chat/completions", request(messages, ",\"stream\":true,\"tools\":" + TOOLS)));
            StringBuilder content = new StringBuilder();
            chunks.forEach(
                    chunk -> content.append(chunk.at("/choices/0/delta/content").asString("")));
            assertThat(content.toString()).contains("-100");
            JsonNode stored = stored(chunks.get(0).path("id").asString());
            assertThat(stored.path("input_messages")).isEqualTo(JSON.readTree("[" + messages + "]"));
            assertThat(stored.at("/choices/0/message/content").asString()).contains("-100");
        }
    }

    @Test
    @DisplayName("GET /v1/models keeps Llama Stack's static semantics: the registered models, not Bedrock's list")
    void models() {
        int before = stack.emulator.requestCount();
        JsonNode models = ok(stack.get("/v1/models"));
        assertThat(models.path("data").findValuesAsString("identifier")).containsExactly(MODEL);
        assertThat(stack.emulator.requestCount()).as("nothing asked upstream").isEqualTo(before);
    }
}
