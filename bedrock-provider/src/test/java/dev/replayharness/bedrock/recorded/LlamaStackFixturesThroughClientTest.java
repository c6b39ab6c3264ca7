package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.BedrockValidationException;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.llamastack.ImportScope;
import dev.replayharness.llamastack.LlamaStackImporter;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.Model;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.StreamedCompletion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every real Bedrock exchange Llama Stack recorded ({@code ../shared/fixtures/llama-stack-bedrock}
 * and its {@code responses/}, never copied into this repository) is imported into a temporary
 * folder and replayed through {@link BedrockClient}: the request is the one Llama Stack sent, read
 * into the wire types and sent with the default settings; what comes back must equal the source
 * file — content, reasoning, tool calls, finish reason, usage with its details, logprobs, the
 * model list, the 400 as a {@link BedrockValidationException}.
 *
 * <p>The expected values are read from the source JSON directly (deltas concatenated, tool-call
 * fragments joined by index), not through the wire types under test.
 */
@DisplayName("Every Llama Stack recording of real Bedrock replays through BedrockClient as recorded")
public class LlamaStackFixturesThroughClientTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path recordings;

    @TestFactory
    @DisplayName("one test per recording")
    Stream<DynamicTest> everyRecording() throws IOException {
        Path fixtures = fixtures();
        List<LlamaStackImporter.Imported> imported = LlamaStackImporter.plan(
                        List.of(fixtures, fixtures.resolve("responses")),
                        recordings.resolve("bedrock"),
                        ImportScope.AUTO)
                .write();
        assertThat(imported).as("imported recordings").hasSize(14);
        Map<Path, String> testIds = imported.stream()
                .filter(i -> i.testId() != null)
                .collect(Collectors.toMap(LlamaStackImporter.Imported::from, LlamaStackImporter.Imported::testId));
        Harness harness = Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock")
                .mode(Mode.REPLAY)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
        return imported.stream()
                .map(LlamaStackImporter.Imported::from)
                .sorted()
                .map(file -> DynamicTest.dynamicTest(
                        fixtures.relativize(file) + " "
                                + JSON.readTree(file.toFile()).path("test_id").asString(""),
                        () -> replay(file, harness, testIds.get(file))));
    }

    private void replay(Path file, Harness harness, String testId) throws IOException {
        JsonNode source = JSON.readTree(file.toFile());
        try (HarnessSession session = testId == null ? harness.sharedSession() : harness.session(testId)) {
            BedrockClient bedrock = BedrockClient.builder(
                            BedrockConfig.builder(BedrockApiKey.of("replay-mode-dummy-key"))
                                    .build())
                    .httpClient(JdkHarness.wrap(HttpClient.newHttpClient(), session))
                    .build();
            JsonNode response = source.path("response");
            if (source.at("/request/endpoint").asString("").endsWith("/models")) {
                assertModelList(bedrock.listModels(), response.path("body"));
            } else {
                ChatCompletionRequest request =
                        OpenAiJson.readRequest(JSON.writeValueAsString(source.at("/request/body")));
                assertThat(JSON.readTree(OpenAiJson.write(request)))
                        .as("the request, written back by the wire types")
                        .isEqualTo(source.at("/request/body"));
                if (response.path("is_exception").asBoolean(false)) {
                    assertRecordedError(bedrock, request, response.path("exception_data"));
                } else if (response.path("is_streaming").asBoolean(false)) {
                    try (ChatCompletionStream stream = bedrock.chatStream(request)) {
                        assertStreamed(stream.accumulate(), response.path("body"));
                    }
                } else {
                    assertCompletion(bedrock.chat(request), response.at("/body/__data__"));
                }
            }
            assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.REPLAYED);
        }
    }

    private static void assertStreamed(StreamedCompletion streamed, JsonNode chunks) {
        StringBuilder raw = new StringBuilder();
        Map<Integer, StringBuilder> arguments = new java.util.TreeMap<>();
        Map<Integer, String[]> heads = new java.util.TreeMap<>();
        String finishReason = null;
        JsonNode usage = null;
        var tokens = JSON.createArrayNode();
        for (JsonNode chunk : chunks) {
            JsonNode data = chunk.path("__data__");
            usage = data.path("usage").isObject() ? data.path("usage") : usage;
            for (JsonNode choice : data.path("choices")) {
                JsonNode delta = choice.path("delta");
                raw.append(delta.path("content").asString(""));
                finishReason = choice.path("finish_reason").isString()
                        ? choice.path("finish_reason").asString()
                        : finishReason;
                choice.at("/logprobs/content").forEach(tokens::add);
                for (JsonNode fragment : delta.path("tool_calls")) {
                    int index = fragment.path("index").asInt();
                    if (fragment.path("id").isString()) {
                        heads.put(index, new String[] {
                            fragment.path("id").asString(),
                            fragment.at("/function/name").asString()
                        });
                    }
                    arguments
                            .computeIfAbsent(index, i -> new StringBuilder())
                            .append(fragment.at("/function/arguments").asString(""));
                }
            }
        }
        assertThat(streamed.chunkCount()).isEqualTo(chunks.size());
        assertThat(streamed.rawContent()).isEqualTo(raw.toString());
        assertThat(streamed.reasoning()).isEqualTo(reasoningOf(raw.toString()));
        assertThat(streamed.content()).isEqualTo(answerOf(raw.toString()));
        assertThat(streamed.finishReason()).isEqualTo(finishReason);
        if (usage == null) {
            assertThat(streamed.usage()).as("no usage chunk was recorded").isNull();
        } else {
            assertThat(tree(streamed.usage())).isEqualTo(withoutNulls(usage));
        }
        assertThat(streamed.toolCalls()).hasSize(heads.size());
        for (int i = 0; i < streamed.toolCalls().size(); i++) {
            int index = (Integer) heads.keySet().toArray()[i];
            assertThat(streamed.toolCalls().get(i).id()).isEqualTo(heads.get(index)[0]);
            assertThat(streamed.toolCalls().get(i).name()).isEqualTo(heads.get(index)[1]);
            assertThat(streamed.toolCalls().get(i).arguments())
                    .isEqualTo(arguments.get(index).toString());
        }
        if (tokens.isEmpty()) {
            assertThat(streamed.logprobs()).isNull();
        } else {
            assertThat(tree(streamed.logprobs().content()))
                    .as("every token's logprob, in order")
                    .isEqualTo(withoutNulls(tokens));
        }
    }

    private static void assertCompletion(ChatCompletion completion, JsonNode data) {
        JsonNode message = data.at("/choices/0/message");
        String raw = message.path("content").asString(null);
        assertThat(completion.rawContent()).isEqualTo(raw);
        assertThat(completion.reasoning()).isEqualTo(reasoningOf(raw));
        assertThat(completion.content()).isEqualTo(answerOf(raw));
        assertThat(completion.finishReason())
                .isEqualTo(data.at("/choices/0/finish_reason").asString());
        assertThat(tree(completion.usage())).isEqualTo(withoutNulls(data.path("usage")));
        assertThat(tree(completion.toolCalls()))
                .isEqualTo(
                        message.path("tool_calls").isArray()
                                ? withoutNulls(message.path("tool_calls"))
                                : JSON.readTree("[]"));
        assertThat(withoutNulls(tree(completion)))
                .as("the whole completion, written back")
                .isEqualTo(withoutNulls(data));
    }

    private static void assertRecordedError(BedrockClient bedrock, ChatCompletionRequest request, JsonNode exception) {
        BedrockValidationException e = catchThrowableOfType(
                BedrockValidationException.class,
                () -> bedrock.chatStream(request).close());
        String inner = JSON.readTree(exception.at("/body/message").asString())
                .at("/error/message")
                .asString();
        assertThat(e.httpStatus()).hasValue(exception.path("status_code").asInt());
        assertThat(e.getMessage())
                .contains("Bedrock said: \"" + inner + "\", code "
                        + exception.at("/body/code").asString())
                .endsWith("[HTTP 400, request id none]"); // Llama Stack kept no response headers
    }

    private static void assertModelList(List<Model> models, JsonNode body) {
        assertThat(models).hasSize(body.size());
        for (int i = 0; i < models.size(); i++) {
            assertThat(tree(models.get(i))).isEqualTo(body.get(i).path("__data__"));
        }
    }

    /** The leading {@code <reasoning>} blocks' text, joined: the convention the recordings follow. */
    static String reasoningOf(String raw) {
        StringBuilder reasoning = new StringBuilder();
        var blocks = java.util.regex.Pattern.compile(
                        "\\G\\s*<reasoning>(.*?)</reasoning>", java.util.regex.Pattern.DOTALL)
                .matcher(raw == null ? "" : raw);
        while (blocks.find()) {
            reasoning.append(blocks.group(1));
        }
        return reasoning.toString();
    }

    static String answerOf(String raw) {
        return raw == null ? null : raw.replaceFirst("(?s)^(\\s*<reasoning>.*?</reasoning>)*", "");
    }

    static JsonNode tree(Object value) {
        return JSON.readTree(OpenAiJson.write(value));
    }

    /** JSON with null members removed: the wire types leave out modelled fields that are null. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node == null || node.isNull()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            var object = (tools.jackson.databind.node.ObjectNode) node;
            object.propertyNames().stream()
                    .filter(name -> object.get(name).isNull())
                    .toList()
                    .forEach(object::remove);
            object.forEach(LlamaStackFixturesThroughClientTest::strip);
        } else if (node.isArray()) {
            node.forEach(LlamaStackFixturesThroughClientTest::strip);
        }
    }

    /** {@code ../shared/fixtures/llama-stack-bedrock} from the directory holding the top pom; skipped, saying so, when absent. */
    static Path fixtures() {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && Files.exists(root.getParent().resolve("pom.xml"))) {
            root = root.getParent();
        }
        Path fixtures = root.resolve("../shared/fixtures/llama-stack-bedrock").normalize();
        assumeTrue(
                Files.isDirectory(fixtures.resolve("responses")),
                fixtures
                        + " (with its responses/ folder) is absent, so there is no real Bedrock traffic to replay; skipped");
        return fixtures;
    }
}
