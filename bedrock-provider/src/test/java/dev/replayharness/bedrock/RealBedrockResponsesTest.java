package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.StreamAccumulator;
import dev.replayharness.openai.StreamedCompletion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads real Bedrock answers, recorded by the Llama Stack project, into this project's types.
 * The files stay outside the repository ({@code ../shared/fixtures/llama-stack-bedrock} from the
 * repository root); without them these tests are skipped, saying so.
 */
@DisplayName("Real Bedrock responses (Llama Stack recordings) parse into the wire types")
class RealBedrockResponsesTest {

    /** Surefire runs in the module directory; its parent is the repository root. */
    static final Path FIXTURES = Path.of("")
            .toAbsolutePath()
            .getParent()
            .resolve("../shared/fixtures/llama-stack-bedrock")
            .normalize();

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Per test, not per class: Surefire then reports every test as skipped with this reason. */
    @BeforeEach
    void fixturesPresent() {
        Assumptions.assumeTrue(
                Files.isDirectory(FIXTURES),
                "Llama Stack Bedrock fixtures folder absent at " + FIXTURES + "; real-response tests skipped");
    }

    @ParameterizedTest(name = "{0}: {1} → answer contains \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "0eca8ac9|Which planet do humans live on?|earth",
                "b992b97c|Which planet has rings around it with a name starting with letter S?|saturn",
                "624b41ef|What's the name of the Sun in latin?|sol",
                "b82395f9|What is the name of the US captial?|washington",
                "3dcb9e38|Hello, world!|''",
                "89ab0af7|Hello, world!|''"
            })
    @DisplayName("each recording gives reasoning and answer; streams reassemble to their concatenated deltas")
    void recording(String hashPrefix, String prompt, String expected) throws Exception {
        JsonNode recording = JSON.readTree(Files.readString(fixture(hashPrefix)));
        assertThat(recording.at("/request/body/messages/0/content").asString()).isEqualTo(prompt);
        JsonNode body = recording.at("/response/body");

        String raw;
        String reasoning;
        String answer;
        if (recording.at("/response/is_streaming").asBoolean()) {
            StreamAccumulator accumulator = new StreamAccumulator();
            StringBuilder deltas = new StringBuilder();
            for (JsonNode chunk : body) {
                JsonNode data = chunk.get("__data__");
                accumulator.add(OpenAiJson.readChunk(JSON.writeValueAsString(data)));
                deltas.append(data.at("/choices/0/delta/content").asString(""));
            }
            StreamedCompletion streamed = accumulator.result();
            assertThat(streamed.rawContent()).isEqualTo(deltas.toString());
            assertThat(streamed.finishReason()).isEqualTo("stop");
            assertThat(streamed.role()).isEqualTo("assistant");
            assertThat(streamed.chunkCount()).isEqualTo(body.size());
            raw = streamed.rawContent();
            reasoning = streamed.reasoning();
            answer = streamed.content();
        } else {
            ChatCompletion completion = OpenAiJson.readCompletion(JSON.writeValueAsString(body.get("__data__")));
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(completion.usage().totalTokens())
                    .isEqualTo(completion.usage().promptTokens()
                            + completion.usage().completionTokens());
            raw = completion.rawContent();
            reasoning = completion.reasoning();
            answer = completion.content();
        }

        assertThat(raw).startsWith("<reasoning>").endsWith(answer);
        assertThat(reasoning).isNotBlank().doesNotContain("<reasoning>", "</reasoning>");
        assertThat(answer).isNotBlank().doesNotContain("<reasoning>", "</reasoning>");
        assertThat(fold(answer)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"624b41ef", "b82395f9"})
    @DisplayName("several streamed reasoning blocks join into one text")
    void severalReasoningBlocks(String hashPrefix) throws Exception {
        JsonNode body = JSON.readTree(Files.readString(fixture(hashPrefix))).at("/response/body");
        StreamAccumulator accumulator = new StreamAccumulator();
        StringBuilder blocks = new StringBuilder();
        for (JsonNode chunk : body) {
            ChatCompletionChunk parsed = OpenAiJson.readChunk(JSON.writeValueAsString(chunk.get("__data__")));
            accumulator.add(parsed);
            parsed.choices().forEach(choice -> blocks.append(choice.delta().reasoning()));
        }
        assertThat(blocks.toString()).isEqualTo(accumulator.result().reasoning());
        assertThat(accumulator.result().rawContent().split("<reasoning>", -1)).hasSize(3);
    }

    private static Path fixture(String hashPrefix) throws Exception {
        try (var files = Files.list(FIXTURES)) {
            return files.filter(file -> file.getFileName().toString().startsWith(hashPrefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no recording " + hashPrefix + "*.json in " + FIXTURES));
        }
    }

    /** NFD, drop non-ASCII, lower case: how the recordings' expected answers are compared. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("[^\\p{ASCII}]", "")
                .toLowerCase(Locale.ROOT);
    }
}
