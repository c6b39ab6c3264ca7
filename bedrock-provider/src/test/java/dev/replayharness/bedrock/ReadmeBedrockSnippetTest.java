package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.Model;
import dev.replayharness.openai.StreamedCompletion;
import dev.replayharness.openai.Tool;
import dev.replayharness.openai.ToolCall;

/**
 * The README's Bedrock tool snippet, as printed (only {@code schema}, which the README leaves to
 * the reader, is defined here), run against the emulator: if the README's calls stop compiling or
 * stop meaning what its comments say, this fails.
 */
@DisplayName("The README's Bedrock snippets work as printed")
class ReadmeBedrockSnippetTest {

    BedrockEmulator emulator;
    BedrockClient bedrock;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
        bedrock = TestClients.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @DisplayName("tools: the call, then the turn after its result, and the streamed call merged")
    void tools() {
        Map<String, Object> schema = Map.of(
                "type",
                "object",
                "properties",
                Map.of("liquid_name", Map.of("type", "string")),
                "required",
                List.of("liquid_name"));

        // --- README.md, "The Bedrock provider" ---
        ChatCompletionRequest ask = ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0")
                .user("What is the boiling point of myawesomeliquid?")
                .tools(Tool.function(
                        "get_boiling_point", "Boiling point of a liquid", schema)) // schema: JsonNode or Map
                .build();
        ChatCompletion call = bedrock.chat(ask); // finishReason() "tool_calls"
        ToolCall tc = call.toolCalls().get(0); // id, name(), arguments() (a JSON text)
        ChatCompletion answer2 = bedrock.chat(ask.toBuilder()
                .message(call.message())
                .toolResult(tc.id(), "-100")
                .build());
        StreamedCompletion streamed = bedrock.chatStream(ask).accumulate(); // fragments merged: streamed.toolCalls()
        // --- end of snippet ---

        assertThat(call.finishReason()).isEqualTo("tool_calls");
        assertThat(tc.name()).isEqualTo("get_boiling_point");
        assertThat(tc.arguments()).contains("myawesomeliquid");
        assertThat(answer2.finishReason()).isEqualTo("stop");
        assertThat(answer2.content()).contains("-100");
        assertThat(streamed.finishReason()).isEqualTo("tool_calls");
        assertThat(streamed.toolCalls()).singleElement().satisfies(merged -> {
            assertThat(merged.name()).isEqualTo(tc.name());
            assertThat(merged.arguments()).isEqualTo(tc.arguments());
        });
    }

    @Test
    @DisplayName("models() is the registry without a call; listModels() asks Bedrock")
    void models() {
        List<RegisteredModel> registered = bedrock.models();
        assertThat(emulator.requests()).isEmpty();
        List<Model> offered = bedrock.listModels();
        assertThat(registered).isNotEmpty();
        assertThat(offered).isNotEmpty();
        assertThat(emulator.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/openai/v1/models"));
    }
}
