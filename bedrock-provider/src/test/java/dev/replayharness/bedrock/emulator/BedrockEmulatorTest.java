package dev.replayharness.bedrock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Pins the emulator itself with a bare HTTP client, so the provider is not checked against itself. */
@DisplayName("The Bedrock emulator")
class BedrockEmulatorTest {

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String HELLO = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello, world!\"}]";

    BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("answers deterministically")
    class Deterministic {

        @Test
        @DisplayName("the same request gets a byte-identical body, with a fresh x-amzn-RequestId")
        void sameBytes() throws Exception {
            HttpResponse<String> first = post(HELLO + "}", "k");
            HttpResponse<String> second = post(HELLO + "}", "k");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(first.body())
                    .startsWith("{\"id\":\"chatcmpl-")
                    .contains("\"created\":1735689600")
                    .contains("\"content\":\"<reasoning>The user greets me. Greet them back and offer help.</reasoning>"
                            + "Hello! 👋 How can I help you today?\"");
            assertThat(first.headers().firstValue("x-amzn-RequestId"))
                    .contains(emulator.requests().get(0).requestId());
            assertThat(emulator.requests().get(1).requestId())
                    .isNotEqualTo(emulator.requests().get(0).requestId());
            assertThat(emulator.requestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName(
                "streams in Bedrock's shape: role chunk, whole reasoning blocks, content, empty stop chunk, usage, [DONE]")
        void streamShape() throws Exception {
            String body = post(HELLO + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}", "k")
                    .body();
            List<String> events = List.of(body.split("\n\n"));
            assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: "));
            assertThat(events.get(0))
                    .contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null");
            assertThat(events.get(1))
                    .contains("\"delta\":{\"content\":\"<reasoning>The user greets me. </reasoning>\"}");
            assertThat(events.get(2))
                    .contains(
                            "\"delta\":{\"content\":\"<reasoning>Greet them back and offer help." + "</reasoning>\"}");
            assertThat(events.get(events.size() - 3)).contains("\"delta\":{},\"finish_reason\":\"stop\"");
            assertThat(events.get(events.size() - 2)).contains("\"choices\":[],\"usage\":{\"prompt_tokens\":");
            assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        }
    }

    @Nested
    @DisplayName("refuses like Bedrock")
    class Refusals {

        @Test
        @DisplayName("401 without a bearer token, and 'Bearer Token has expired' for an expired one")
        void auth() throws Exception {
            assertThat(post(HELLO + "}", null)).satisfies(response -> {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.body()).startsWith("{\"message\":");
            });
            assertThat(post(HELLO + "}", "key-expired").body()).isEqualTo("{\"Message\":\"Bearer Token has expired\"}");
        }

        @Test
        @DisplayName("404 for an unknown model, 400 for unknown fields")
        void body() throws Exception {
            assertThat(post(HELLO.replace("openai.gpt-oss-20b-1:0", "bedrock/openai.gpt-oss-20b-1:0") + "}", "k")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(post(HELLO + ",\"colour\":\"blue\"}", "k").body())
                    .contains("Unrecognized request field: colour");
        }

        @Test
        @DisplayName("scripted answers first, in order")
        void scripted() throws Exception {
            emulator.enqueue(ScriptedResponse.throttled("2"), ScriptedResponse.unavailable(null));
            HttpResponse<String> throttled = post(HELLO + "}", "k");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
            assertThat(post(HELLO + "}", "k").statusCode()).isEqualTo(503);
            assertThat(post(HELLO + "}", "k").statusCode()).isEqualTo(200);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"greet_everyone\",\"parameters\":"
            + "{\"properties\":{\"url\":{\"type\":\"string\"}},\"required\":[\"url\"],\"type\":\"object\"}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"get_boiling_point\",\"description\":\"Boiling point\","
            + "\"parameters\":{\"properties\":{\"liquid_name\":{\"type\":\"string\"},\"celsius\":{\"default\":true,"
            + "\"type\":\"boolean\"}},\"required\":[\"liquid_name\"],\"type\":\"object\"}}}]";

    static String ask(String prompt, String more) {
        return "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]"
                + more + "}";
    }

    /** The JSON data of each event, [DONE] excluded (and checked to be last). */
    static List<JsonNode> events(String body) {
        List<String> events = List.of(body.split("\n\n"));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        return events.subList(0, events.size() - 1).stream()
                .map(event -> JSON.readTree(event.substring("data: ".length())))
                .toList();
    }

    /** Every tool-call fragment of a stream, in order. */
    static List<JsonNode> fragments(List<JsonNode> chunks) {
        List<JsonNode> fragments = new ArrayList<>();
        chunks.forEach(chunk -> chunk.path("choices")
                .forEach(choice -> choice.path("delta").path("tool_calls").forEach(fragments::add)));
        return fragments;
    }

    /** The arguments of the call at {@code index}, merged as a client must: concatenated in order. */
    static String mergedArguments(List<JsonNode> fragments, int index) {
        StringBuilder arguments = new StringBuilder();
        fragments.stream()
                .filter(f -> f.path("index").asInt() == index)
                .forEach(f ->
                        arguments.append(f.path("function").path("arguments").asString("")));
        return arguments.toString();
    }

    @Nested
    @DisplayName("calls tools")
    class Tools {

        @Test
        @DisplayName(
                "without streaming: tool_calls with id, type and name, finish_reason tool_calls, reasoning in content")
        void nonStreaming() throws Exception {
            HttpResponse<String> response =
                    post(ask("What is the boiling point of myawesomeliquid?", ",\"tools\":" + TOOLS), "k");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode choice = JSON.readTree(response.body()).path("choices").path(0);
            assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
            assertThat(choice.at("/message/content").asString())
                    .startsWith("<reasoning>")
                    .endsWith("</reasoning>");
            JsonNode call = choice.at("/message/tool_calls/0");
            assertThat(call.path("id").asString()).matches("chatcmpl-tool-[0-9a-f]{16}");
            assertThat(call.path("type").asString()).isEqualTo("function");
            assertThat(call.at("/function/name").asString()).isEqualTo("get_boiling_point");
            assertThat(call.at("/function/arguments").asString())
                    .isEqualTo("{\"liquid_name\":\"myawesomeliquid\",\"celsius\":true}");
            assertThat(choice.at("/message/tool_calls")).hasSize(1);
        }

        @Test
        @DisplayName(
                "streamed like Bedrock: reasoning first, the head fragment alone, then several same-index fragments per chunk")
        void streaming() throws Exception {
            List<JsonNode> chunks = events(post(
                            ask("What is the boiling point of myawesomeliquid?", ",\"stream\":true,\"tools\":" + TOOLS),
                            "k")
                    .body());
            int firstCall =
                    indexOf(chunks, chunk -> chunk.at("/choices/0/delta").has("tool_calls"));
            assertThat(chunks.subList(1, firstCall))
                    .isNotEmpty()
                    .allSatisfy(chunk -> assertThat(
                                    chunk.at("/choices/0/delta/content").asString())
                            .startsWith("<reasoning>"));
            JsonNode head = chunks.get(firstCall).at("/choices/0/delta/tool_calls");
            assertThat(head).hasSize(1);
            assertThat(head.at("/0/id").asString()).startsWith("chatcmpl-tool-");
            assertThat(head.at("/0/type").asString()).isEqualTo("function");
            assertThat(head.at("/0/function/name").asString()).isEqualTo("get_boiling_point");
            assertThat(chunks.get(firstCall + 1)
                            .at("/choices/0/delta/tool_calls")
                            .size())
                    .isGreaterThan(1);
            List<JsonNode> fragments = fragments(chunks);
            assertThat(fragments.subList(1, fragments.size())).allSatisfy(fragment -> {
                assertThat(fragment.path("index").asInt()).isZero();
                assertThat(fragment.path("id").isNull()).isTrue();
                assertThat(fragment.at("/function/name").isNull()).isTrue();
            });
            assertThat(mergedArguments(fragments, 0))
                    .isEqualTo("{\"liquid_name\":\"myawesomeliquid\",\"celsius\":true}");
            JsonNode last = chunks.get(chunks.size() - 1);
            assertThat(last.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
            assertThat(last.at("/choices/0/delta")).isEmpty();
        }

        @Test
        @DisplayName(
                "in parallel, one call per subject, a chunk may end one call and begin the next; one only with parallel_tool_calls false")
        void parallel() throws Exception {
            String prompt = "What is the boiling point of water, ethanol and mercury?";
            List<JsonNode> chunks = events(post(ask(prompt, ",\"stream\":true,\"tools\":" + TOOLS), "k")
                    .body());
            List<JsonNode> fragments = fragments(chunks);
            List<JsonNode> heads =
                    fragments.stream().filter(f -> !f.path("id").isNull()).toList();
            assertThat(heads).extracting(f -> f.path("index").asInt()).containsExactly(0, 1, 2);
            assertThat(heads).extracting(f -> f.path("id").asString()).doesNotHaveDuplicates();
            assertThat(mergedArguments(fragments, 1)).isEqualTo("{\"liquid_name\":\"ethanol\",\"celsius\":true}");
            assertThat(mergedArguments(fragments, 2)).isEqualTo("{\"liquid_name\":\"mercury\",\"celsius\":true}");
            assertThat(chunks)
                    .anySatisfy(chunk -> assertThat(chunk.at("/choices/0/delta/tool_calls"))
                            .extracting(f -> f.path("index").asInt())
                            .contains(0, 1));

            JsonNode single = JSON.readTree(post(ask(prompt, ",\"parallel_tool_calls\":false,\"tools\":" + TOOLS), "k")
                    .body());
            assertThat(single.at("/choices/0/message/tool_calls")).hasSize(1);
        }

        @Test
        @DisplayName(
                "tool_choice: none answers in text, a named function is called even when the prompt does not match")
        void toolChoice() throws Exception {
            JsonNode none = JSON.readTree(post(
                            ask("What is the boiling point of water?", ",\"tool_choice\":\"none\",\"tools\":" + TOOLS),
                            "k")
                    .body());
            assertThat(none.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
            assertThat(none.at("/choices/0/message").has("tool_calls")).isFalse();
            JsonNode forced = JSON.readTree(post(
                            ask(
                                    "Hello, world!",
                                    ",\"tool_choice\":{\"type\":\"function\","
                                            + "\"function\":{\"name\":\"greet_everyone\"}},\"tools\":" + TOOLS),
                            "k")
                    .body());
            assertThat(forced.at("/choices/0/message/tool_calls/0/function/name")
                            .asString())
                    .isEqualTo("greet_everyone");
            JsonNode unmatched = JSON.readTree(
                    post(ask("Hello, world!", ",\"tools\":" + TOOLS), "k").body());
            assertThat(unmatched.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        }

        @Test
        @DisplayName("answers the turn after the tool results in text, from the results (content as parts)")
        void afterToolResult() throws Exception {
            String body = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":["
                    + "{\"role\":\"user\",\"content\":\"What is the boiling point of myawesomeliquid?\"},"
                    + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"index\":0,\"id\":\"call-1\",\"type\":"
                    + "\"function\",\"function\":{\"name\":\"get_boiling_point\",\"arguments\":"
                    + "\"{\\\"liquid_name\\\":\\\"myawesomeliquid\\\"}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"call-1\",\"content\":[{\"type\":\"text\",\"text\":\"-100\"}]}],"
                    + "\"stream\":true,\"tools\":" + TOOLS + "}";
            List<JsonNode> chunks = events(post(body, "k").body());
            assertThat(fragments(chunks)).isEmpty();
            String content = chunks.stream()
                    .map(chunk -> chunk.at("/choices/0/delta/content").asString(""))
                    .reduce("", String::concat)
                    .replaceAll("<reasoning>.*?</reasoning>", "");
            assertThat(content).isEqualTo("get_boiling_point returned -100 for myawesomeliquid.");
            assertThat(chunks.get(chunks.size() - 1)
                            .at("/choices/0/finish_reason")
                            .asString())
                    .isEqualTo("stop");
        }

        @Test
        @DisplayName(
                "400 for a tool message that answers no earlier call, and for tool_choice naming an absent function")
        void refusals() throws Exception {
            HttpResponse<String> orphan = post(
                    "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"tool\","
                            + "\"tool_call_id\":\"nope\",\"content\":\"1\"}]}",
                    "k");
            assertThat(orphan.statusCode()).isEqualTo(400);
            assertThat(orphan.body()).contains("messages with role 'tool' must be a response to a preceding message");
            HttpResponse<String> absent = post(
                    ask(
                            "Hi",
                            ",\"tool_choice\":{\"type\":\"function\",\"function\":" + "{\"name\":\"fly\"}},\"tools\":"
                                    + TOOLS),
                    "k");
            assertThat(absent.statusCode()).isEqualTo(400);
            assertThat(absent.body()).contains("no function named 'fly'");
        }
    }

    @Nested
    @DisplayName("takes a call's subjects from the prompt")
    class Subjects {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "What is the boiling point of myawesomeliquid?|myawesomeliquid",
                    "What is the boiling point of water, ethanol and mercury?|water;ethanol;mercury",
                    "What's the weather in Paris and Tokyo?|Paris;Tokyo",
                    "Look up the population for the city of Lyon.|Lyon",
                    "Greet everyone|everyone"
                })
        @DisplayName("after the last of/in/for/about, split on commas and 'and'; else the last word")
        void subjects(String prompt, String subjects) {
            assertThat(ToolPlanner.subjects(prompt)).containsExactly(subjects.split(";"));
        }
    }

    @Nested
    @DisplayName("reads content parts")
    class ContentParts {

        @Test
        @DisplayName("text parts are read as the message's text")
        void textParts() throws Exception {
            String body = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "[{\"type\":\"text\",\"text\":\"Hello, \"},{\"type\":\"text\",\"text\":\"world!\"}]}]}";
            assertThat(JSON.readTree(post(body, "k").body())
                            .at("/choices/0/message/content")
                            .asString())
                    .endsWith("Hello! 👋 How can I help you today?");
        }

        @Test
        @DisplayName(
                "an image_url part is Bedrock's 400 whose error.message is itself a JSON-encoded error, streamed or not")
        void image() throws Exception {
            String body = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":["
                    + "{\"type\":\"text\",\"text\":\"Describe this image\"},{\"type\":\"image_url\",\"image_url\":"
                    + "{\"url\":\"https://example.com/test.jpg\",\"detail\":\"auto\"}}]}],\"stream\":true}";
            HttpResponse<String> response = post(body, "k");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asString()).isEqualTo("validation_error");
            assertThat(error.path("param").isNull()).isTrue();
            JsonNode inner = JSON.readTree(error.path("message").asString());
            assertThat(inner.at("/error/message").asString()).isEqualTo("Model does not support image modality");
            assertThat(inner.at("/error/code").asString()).isEqualTo("validation_error");
        }
    }

    @Nested
    @DisplayName("shapes streams as asked")
    class StreamOptions {

        @Test
        @DisplayName("include_usage: a last chunk with choices [] and usage with prompt_tokens_details.cached_tokens")
        void usage() throws Exception {
            List<JsonNode> chunks = events(post(
                            ask(
                                    "What is the boiling point of myawesomeliquid?",
                                    ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"tools\":" + TOOLS),
                            "k")
                    .body());
            JsonNode last = chunks.get(chunks.size() - 1);
            assertThat(last.path("choices")).isEmpty();
            int prompt = last.at("/usage/prompt_tokens").asInt();
            assertThat(prompt).isGreaterThan(64);
            assertThat(last.at("/usage/prompt_tokens_details/cached_tokens").asInt())
                    .isEqualTo(prompt / 64 * 64);
            assertThat(last.at("/usage/total_tokens").asInt())
                    .isEqualTo(prompt + last.at("/usage/completion_tokens").asInt());
            assertThat(chunks.subList(0, chunks.size() - 1))
                    .allSatisfy(chunk -> assertThat(chunk.has("usage")).isFalse());
        }

        @Test
        @DisplayName(
                "with stream_options, each choice carries an obfuscation string that differs per call; not without, nor with include_obfuscation false")
        void obfuscation() throws Exception {
            String request = ask("Hello, world!", ",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
            List<JsonNode> first = events(post(request, "k").body());
            List<JsonNode> second = events(post(request, "k").body());
            List<JsonNode> withChoices = first.stream()
                    .filter(chunk -> !chunk.path("choices").isEmpty())
                    .toList();
            assertThat(withChoices)
                    .allSatisfy(chunk -> assertThat(
                                    chunk.at("/choices/0/obfuscation").asString())
                            .matches("[A-Za-z0-9]{12,}"));
            assertThat(first.get(0).at("/choices/0/obfuscation"))
                    .isNotEqualTo(second.get(0).at("/choices/0/obfuscation"));
            for (JsonNode chunk : first) {
                chunk.path("choices").forEach(choice -> ((ObjectNode) choice).remove("obfuscation"));
            }
            for (JsonNode chunk : second) {
                chunk.path("choices").forEach(choice -> ((ObjectNode) choice).remove("obfuscation"));
            }
            assertThat(first).as("all else is deterministic").isEqualTo(second);
            assertThat(post(HELLO + ",\"stream\":true}", "k").body()).doesNotContain("obfuscation");
            assertThat(post(
                                    ask(
                                            "Hello, world!",
                                            ",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}"),
                                    "k")
                            .body())
                    .doesNotContain("obfuscation");
        }

        @Test
        @DisplayName(
                "logprobs: every content chunk carries tokens (with their bytes) that concatenate to its text; top_logprobs alternatives")
        void logprobs() throws Exception {
            List<JsonNode> chunks =
                    events(post(ask("Hello, world!", ",\"stream\":true,\"logprobs\":true," + "\"top_logprobs\":2"), "k")
                            .body());
            JsonNode answerChunk = chunks.stream()
                    .filter(chunk ->
                            chunk.at("/choices/0/delta/content").asString("").startsWith("Hello!"))
                    .findFirst()
                    .orElseThrow();
            JsonNode content = answerChunk.at("/choices/0/logprobs/content");
            StringBuilder tokens = new StringBuilder();
            content.forEach(entry -> {
                tokens.append(entry.path("token").asString());
                byte[] bytes = entry.path("token").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(entry.path("bytes")).hasSize(bytes.length);
                assertThat(entry.path("bytes").path(0).asInt()).isEqualTo(bytes[0] & 0xff);
                assertThat(entry.path("logprob").asDouble()).isBetween(-1.0, 0.0);
                assertThat(entry.path("top_logprobs")).hasSize(2);
                assertThat(entry.at("/top_logprobs/0/token").asString())
                        .isEqualTo(entry.path("token").asString());
            });
            assertThat(tokens.toString())
                    .isEqualTo(answerChunk.at("/choices/0/delta/content").asString());
            assertThat(answerChunk.at("/choices/0/logprobs").has("refusal")).isTrue();

            JsonNode completion = JSON.readTree(
                    post(ask("Hello, world!", ",\"logprobs\":true"), "k").body());
            assertThat(completion.at("/choices/0/logprobs/content")).isNotEmpty();
            assertThat(completion.at("/choices/0/logprobs/content/0/top_logprobs"))
                    .isEmpty();
            assertThat(post(ask("Hello, world!", ",\"top_logprobs\":2"), "k").statusCode())
                    .isEqualTo(400);
        }

        @Test
        @DisplayName("service_tier asked for is echoed in every chunk; plain requests keep their old shape")
        void serviceTier() throws Exception {
            List<JsonNode> chunks =
                    events(post(ask("Hello, world!", ",\"stream\":true,\"service_tier\":\"default\""), "k")
                            .body());
            assertThat(chunks)
                    .allSatisfy(chunk ->
                            assertThat(chunk.path("service_tier").asString()).isEqualTo("default"));
            assertThat(post(HELLO + "}", "k").body())
                    .doesNotContain("service_tier")
                    .doesNotContain("logprobs")
                    .doesNotContain("prompt_tokens_details");
        }
    }

    @Nested
    @DisplayName("lists models")
    class Models {

        @Test
        @DisplayName("GET /openai/v1/models: an OpenAI-style list with both gpt-oss models; 401 without a token")
        void list() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/models"))
                    .GET();
            HttpResponse<String> listed = HTTP.send(
                    request.header("Authorization", "Bearer k").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(listed.body());
            assertThat(body.path("object").asString()).isEqualTo("list");
            assertThat(body.path("data")).allSatisfy(model -> {
                assertThat(model.propertyNames()).containsExactly("id", "created", "object", "owned_by");
                assertThat(model.path("object").asString()).isEqualTo("model");
            });
            assertThat(body.path("data"))
                    .extracting(model -> model.path("id").asString())
                    .contains("openai.gpt-oss-20b", "openai.gpt-oss-120b");
            assertThat(HTTP.send(
                                    HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/models"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    static int indexOf(List<JsonNode> chunks, java.util.function.Predicate<JsonNode> test) {
        for (int i = 0; i < chunks.size(); i++) {
            if (test.test(chunks.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such chunk in " + chunks);
    }
}
