package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.llamastack.LlamaStackImporter;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.StreamedCompletion;

/**
 * Real Bedrock traffic: the six responses Llama Stack recorded from Amazon Bedrock, imported into a
 * temporary folder (never into this repository) and replayed through the provider.
 */
@DisplayName("Real Bedrock responses (Llama Stack's recordings), replayed through the provider")
public class RealBedrockReplayTest {
    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "llama-stack-bedrock");
    static final String MODEL = "bedrock/openai.gpt-oss-20b-1:0";

    @TempDir
    Path recordings;

    HarnessSession session;
    BedrockClient bedrock;

    @BeforeEach
    void importAndWire() {
        assumeTrue(
                Files.isDirectory(FIXTURES),
                "../shared/fixtures/llama-stack-bedrock is absent, so there is no real traffic to replay");
        assertThat(LlamaStackImporter.importDirectory(FIXTURES, recordings.resolve("bedrock")))
                .hasSize(6);
        Harness harness = Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock")
                .mode(Mode.REPLAY)
                .repeatPolicy(RepeatPolicy.REUSE_LAST)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
        session = harness.sharedSession();
        bedrock = BedrockClient.builder(BedrockConfig.builder(BedrockApiKey.of("replay-mode-dummy-key"))
                        .build())
                .httpClient(JdkHarness.wrap(HttpClient.newHttpClient(), session))
                .build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Which planet do humans live on?|earth",
                "Which planet has rings around it with a name starting with letter S?|saturn",
                "Hello, world!|"
            })
    @DisplayName("non-streaming answers, reasoning split off")
    void nonStreaming(String question, String expected) {
        // Llama Stack's client sent "stream": false explicitly, so this request does too (it is part of the key).
        var completion = bedrock.chat(ChatCompletionRequest.builder(MODEL).user(question).stream(false)
                .build());
        assertThat(completion.reasoning()).isNotBlank();
        assertThat(completion.content()).isNotBlank().doesNotContain("<reasoning>");
        if (expected != null) {
            assertThat(Answers.normalized(completion.content())).contains(expected);
        }
        assertThat(session.uses()).extracting(RecordingUse::outcome).containsExactly(RecordingUse.Outcome.REPLAYED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "What's the name of the Sun in latin?|sol",
                "What is the name of the US captial?|washington",
                "Hello, world!|"
            })
    @DisplayName("streamed answers equal their concatenated deltas")
    void streaming(String question, String expected) {
        ChatCompletionRequest request =
                ChatCompletionRequest.builder(MODEL).user(question).stream(true).build();
        StringBuilder deltas = new StringBuilder();
        try (ChatCompletionStream stream = bedrock.chatStream(request)) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();
            chunks.forEach(c -> deltas.append(c.rawContentDelta() == null ? "" : c.rawContentDelta()));
        }
        StreamedCompletion completion;
        try (ChatCompletionStream stream = bedrock.chatStream(request)) {
            completion = stream.accumulate();
        }
        assertThat(completion.rawContent()).isEqualTo(deltas.toString());
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.content()).isNotBlank().doesNotContain("<reasoning>");
        if (expected != null) {
            assertThat(Answers.normalized(completion.content())).contains(expected);
        }
    }

    @Test
    @DisplayName("several <reasoning> deltas in one stream are joined into one reasoning text")
    void severalReasoningBlocks() {
        try (ChatCompletionStream stream = bedrock.chatStream(
                ChatCompletionRequest.builder(MODEL).user("What's the name of the Sun in latin?").stream(true)
                        .build())) {
            StreamedCompletion completion = stream.accumulate();
            assertThat(completion.reasoning()).contains("sol").contains("Provide a short answer");
        }
    }
}
