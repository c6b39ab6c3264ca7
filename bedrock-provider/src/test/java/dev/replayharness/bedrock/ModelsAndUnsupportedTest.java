package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.openai.ChatCompletionRequest;

@DisplayName("Models and operations Bedrock does not offer are settled without a network call")
class ModelsAndUnsupportedTest {

    BedrockEmulator emulator;
    BedrockClient bedrock;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
        bedrock = TestClients.client(emulator);
    }

    @AfterEach
    void stop() {
        assertThat(emulator.requestCount())
                .as("requests that reached the emulator")
                .isZero();
        emulator.close();
    }

    @Nested
    @DisplayName("models")
    class Models {

        @Test
        @DisplayName("models() lists the static registration, without a network call")
        void listing() {
            assertThat(bedrock.models())
                    .extracting(RegisteredModel::stackId, RegisteredModel::providerResourceId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "bedrock/openai.gpt-oss-20b-1:0", "openai.gpt-oss-20b-1:0"));
        }

        @Test
        @DisplayName("an unknown one fails listing the registered ones")
        void unknown() {
            BedrockModelNotFoundException e = catchThrowableOfType(
                    BedrockModelNotFoundException.class,
                    () -> bedrock.chat(
                            ChatCompletionRequest.builder("gpt-4o").user("Hi").build()));
            assertThat(e.getMessage())
                    .isEqualTo("model 'gpt-4o' is not registered for Bedrock; no request was sent"
                            + " (registered: bedrock/openai.gpt-oss-20b-1:0 (Bedrock id openai.gpt-oss-20b-1:0)). Use one of"
                            + " those, or add it under registered_resources.models in the stack configuration.");
            assertThat(e.httpStatus()).isEmpty();
        }

        @Test
        @DisplayName("an embedding model cannot answer chat completions")
        void embeddingModel() {
            BedrockClient withEmbedder = TestClients.client(
                    emulator,
                    TestClients.KEY,
                    c -> c,
                    new FakeTime(),
                    ModelRegistry.of(List.of(new RegisteredModel(
                            "titan-embed", "bedrock", "amazon.titan-embed-text-v2:0", "embedding", Map.of()))));
            assertThat(catchThrowableOfType(
                            BedrockValidationException.class,
                            () -> withEmbedder.chat(ChatCompletionRequest.builder("bedrock/titan-embed")
                                    .user("Hi")
                                    .build())))
                    .hasMessageStartingWith("model bedrock/titan-embed is registered as model_type embedding, not llm");
        }
    }

    @Test
    @DisplayName("a stream flag that contradicts the method is refused, naming the right method")
    void streamFlag() {
        ChatCompletionRequest streaming =
                ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0").user("Hi").stream(true)
                        .build();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> bedrock.chat(streaming)))
                .hasMessage("the request has stream=true; use chatStream(…) for it");
        assertThat(catchThrowableOfType(
                        IllegalArgumentException.class, () -> bedrock.chatStream(streaming.withStream(false))))
                .hasMessage("the request has stream=false; use chat(…) for it");
    }

    @Nested
    @DisplayName("unsupported operations say why and what to use instead")
    class Unsupported {

        @Test
        @DisplayName("text completions (/v1/completions)")
        void textCompletions() {
            assertThat(catchThrowableOfType(
                            BedrockUnsupportedOperationException.class,
                            () -> bedrock.textCompletion("bedrock/openai.gpt-oss-20b-1:0", "Once upon a time")))
                    .hasMessageContaining("Text completions (/v1/completions) are not supported")
                    .hasMessageContaining("no request was sent")
                    .hasMessageContaining("user message with chat(…) instead");
        }

        @Test
        @DisplayName("embeddings (/v1/embeddings)")
        void embeddings() {
            assertThat(catchThrowableOfType(
                            BedrockUnsupportedOperationException.class,
                            () -> bedrock.embeddings("bedrock/openai.gpt-oss-20b-1:0", List.of("text"))))
                    .hasMessageContaining("Embeddings (/v1/embeddings) are not supported")
                    .hasMessageContaining("native Bedrock embedding model");
        }
    }
}
