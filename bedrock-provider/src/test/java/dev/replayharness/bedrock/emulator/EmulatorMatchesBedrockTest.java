package dev.replayharness.bedrock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the requests of real Bedrock recordings ({@code ../shared/fixtures/llama-stack-bedrock/responses},
 * skipped with the reason when absent) to the emulator and compares the answers' shapes with what
 * Bedrock answered: the emulator is only useful for recording if it is shaped like the real thing.
 */
@DisplayName("The Bedrock emulator answers real Bedrock requests in Bedrock's shapes")
class EmulatorMatchesBedrockTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Path RESPONSES = repositoryRoot()
            .resolve("../shared/fixtures/llama-stack-bedrock/responses")
            .normalize();

    BedrockEmulator emulator;

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir.getParent() != null
                && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("recordings")))) {
            dir = dir.getParent();
        }
        return dir;
    }

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(
                Files.isDirectory(RESPONSES),
                "Llama Stack Bedrock fixtures folder absent at " + RESPONSES + "; shape comparison skipped");
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    JsonNode fixture(String prefix) throws IOException {
        try (var files = Files.list(RESPONSES)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no fixture " + prefix + "* in " + RESPONSES));
            return JSON.readTree(Files.readString(file));
        }
    }

    /** The fixture's response chunks, unwrapped from Llama Stack's {@code __data__}. */
    static List<JsonNode> realChunks(JsonNode fixture) {
        List<JsonNode> chunks = new ArrayList<>();
        fixture.at("/response/body").forEach(chunk -> chunks.add(chunk.path("__data__")));
        return chunks;
    }

    HttpResponse<String> send(JsonNode fixture) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/chat/completions"))
                        .header("Authorization", "Bearer k")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                fixture.at("/request/body").toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<JsonNode> emulated(JsonNode fixture) throws Exception {
        HttpResponse<String> response = send(fixture);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return BedrockEmulatorTest.events(response.body());
    }

    static Set<String> names(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    static String finishReason(List<JsonNode> chunks) {
        return chunks.stream()
                .map(chunk -> chunk.at("/choices/0/finish_reason").asString(""))
                .filter(reason -> !reason.isEmpty())
                .findFirst()
                .orElse("");
    }

    @Test
    @DisplayName("38500ff5, a streamed tool call: same call, same arguments, fragments shaped and grouped alike")
    void streamedToolCall() throws Exception {
        JsonNode fixture = fixture("38500ff5");
        List<JsonNode> real = realChunks(fixture);
        List<JsonNode> ours = emulated(fixture);
        assertThat(finishReason(ours)).isEqualTo(finishReason(real)).isEqualTo("tool_calls");
        List<JsonNode> realFragments = BedrockEmulatorTest.fragments(real);
        List<JsonNode> ourFragments = BedrockEmulatorTest.fragments(ours);
        assertThat(ourFragments.get(0).at("/function/name").asString())
                .isEqualTo(realFragments.get(0).at("/function/name").asString());
        assertThat(JSON.readTree(BedrockEmulatorTest.mergedArguments(ourFragments, 0)))
                .isEqualTo(JSON.readTree(BedrockEmulatorTest.mergedArguments(realFragments, 0)));
        assertThat(names(ourFragments.get(0))).isEqualTo(names(realFragments.get(0)));
        assertThat(names(ourFragments.get(1))).isEqualTo(names(realFragments.get(1)));
        assertThat(ourFragments.get(1).path("id").isNull())
                .isEqualTo(realFragments.get(1).path("id").isNull())
                .isTrue();
        assertThat(maxFragmentsPerChunk(ours)).isGreaterThan(1);
        assertThat(maxFragmentsPerChunk(real)).isGreaterThan(1);
        assertThat(firstContent(ours)).startsWith("<reasoning>");
        assertThat(firstContent(real)).startsWith("<reasoning>");
    }

    @Test
    @DisplayName("2a3b756c, the turn after the tool result: answered in text that reports the result")
    void afterToolResult() throws Exception {
        JsonNode fixture = fixture("2a3b756c");
        List<JsonNode> ours = emulated(fixture);
        assertThat(finishReason(ours))
                .isEqualTo(finishReason(realChunks(fixture)))
                .isEqualTo("stop");
        assertThat(BedrockEmulatorTest.fragments(ours)).isEmpty();
        assertThat(ours.stream()
                        .map(chunk -> chunk.at("/choices/0/delta/content").asString(""))
                        .reduce("", String::concat))
                .contains("-100");
    }

    @Test
    @DisplayName("1f7f4726, an image part to a text-only model: the very 400 body Bedrock sent")
    void image() throws Exception {
        JsonNode fixture = fixture("1f7f4726");
        HttpResponse<String> response = send(fixture);
        assertThat(response.statusCode())
                .isEqualTo(fixture.at("/response/exception_data/status_code").asInt());
        assertThat(JSON.readTree(response.body()).path("error")).isEqualTo(fixture.at("/response/exception_data/body"));
    }

    @Test
    @DisplayName("0746c8e1, logprobs: the same members per choice and per token")
    void logprobs() throws Exception {
        JsonNode fixture = fixture("0746c8e1");
        JsonNode real = withLogprobs(realChunks(fixture));
        JsonNode ours = withLogprobs(emulated(fixture));
        assertThat(names(ours.at("/choices/0/logprobs"))).isEqualTo(names(real.at("/choices/0/logprobs")));
        assertThat(names(ours.at("/choices/0/logprobs/content/0")))
                .isEqualTo(names(real.at("/choices/0/logprobs/content/0")));
    }

    @Test
    @DisplayName("33502408, include_usage: a last chunk with choices [] and prompt_tokens_details.cached_tokens")
    void usage() throws Exception {
        JsonNode fixture = fixture("33502408");
        List<JsonNode> real = realChunks(fixture);
        List<JsonNode> ours = emulated(fixture);
        JsonNode realLast = real.get(real.size() - 1);
        JsonNode ourLast = ours.get(ours.size() - 1);
        assertThat(ourLast.path("choices")).isEqualTo(realLast.path("choices")).isEmpty();
        assertThat(names(ourLast.at("/usage/prompt_tokens_details")))
                .isEqualTo(names(realLast.at("/usage/prompt_tokens_details")));
    }

    @Test
    @DisplayName("every streamed choice carries an obfuscation string, as in each of these recordings")
    void obfuscation() throws Exception {
        for (String prefix : List.of("38500ff5", "2a3b756c", "33502408", "3c8d54ff", "0746c8e1")) {
            JsonNode fixture = fixture(prefix);
            for (List<JsonNode> chunks : List.of(realChunks(fixture), emulated(fixture))) {
                chunks.stream()
                        .flatMap(chunk -> chunk.path("choices").valueStream())
                        .forEach(choice -> assertThat(choice.path("obfuscation").isString())
                                .as(prefix + ": " + choice)
                                .isTrue());
            }
        }
    }

    @Test
    @DisplayName("models-66c1: GET /openai/v1/models lists models with the members Bedrock's have")
    void models() throws Exception {
        JsonNode fixture = fixture("models-");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/models"))
                        .header("Authorization", "Bearer k")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode ours = JSON.readTree(response.body()).path("data");
        Set<String> realIds = new TreeSet<>();
        fixture.at("/response/body")
                .forEach(model -> realIds.add(model.at("/__data__/id").asString()));
        ours.forEach(model -> {
            assertThat(names(model)).isEqualTo(names(fixture.at("/response/body/0/__data__")));
            assertThat(realIds).contains(model.path("id").asString());
        });
    }

    static JsonNode withLogprobs(List<JsonNode> chunks) {
        return chunks.stream()
                .filter(chunk -> chunk.at("/choices/0/logprobs/content").size() > 0)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chunk with logprobs in " + chunks));
    }

    static String firstContent(List<JsonNode> chunks) {
        return chunks.stream()
                .map(chunk -> chunk.at("/choices/0/delta/content").asString(""))
                .filter(content -> !content.isEmpty())
                .findFirst()
                .orElse("");
    }

    static int maxFragmentsPerChunk(List<JsonNode> chunks) {
        return chunks.stream()
                .mapToInt(chunk -> chunk.at("/choices/0/delta/tool_calls").size())
                .max()
                .orElse(0);
    }
}
