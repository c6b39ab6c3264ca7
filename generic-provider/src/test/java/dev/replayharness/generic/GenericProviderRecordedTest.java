package dev.replayharness.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.Recorded;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.OpenAiHttpException;
import dev.replayharness.openai.StreamedCompletion;

/**
 * The generic provider's recorded tests, in their own namespace ({@code recordings/generic-openai/}),
 * recorded against the loopback server of setup {@code generic-openai-loopback}.
 */
@Recorded(namespace = "generic-openai", normalization = OpenAiNormalization.class)
@ExtendWith(GenericSetup.class)
@DisplayName("Generic OpenAI-compatible provider (recorded)")
public class GenericProviderRecordedTest {
    GenericChatProvider provider;
    String model;
    HarnessSession session;

    @BeforeEach
    void provider(GenericSetup setup, HttpClientWiring wiring, HarnessSession session) {
        this.provider = setup.provider(wiring);
        this.model = setup.textModel();
        this.session = session;
    }

    @Test
    @DisplayName("a chat completion")
    void chat() {
        assertThat(provider.chat(ChatCompletionRequest.builder(model)
                                .user("Hello there")
                                .build())
                        .content())
                .isEqualTo("You said: Hello there");
        assertThat(session.uses()).extracting(RecordingUse::outcome).doesNotContain(RecordingUse.Outcome.MISSED);
    }

    @Test
    @DisplayName("a streamed completion arrives word by word and joins to the same answer")
    void stream() {
        try (ChatCompletionStream stream = provider.chatStream(
                ChatCompletionRequest.builder(model).user("one two three").build())) {
            StreamedCompletion completion = stream.accumulate();
            assertThat(completion.content()).isEqualTo("You said: one two three");
            assertThat(completion.chunkCount()).isEqualTo(6);
            assertThat(completion.finishReason()).isEqualTo("stop");
        }
    }

    @Test
    @DisplayName("an unknown model is the server's 404, recorded and replayed")
    void unknownModel() {
        assertThatThrownBy(() -> provider.chat(ChatCompletionRequest.builder("no-such-model")
                        .user("Hi")
                        .build()))
                .isInstanceOf(OpenAiHttpException.class)
                .satisfies(e -> assertThat(((OpenAiHttpException) e).status()).isEqualTo(404))
                .hasMessageContaining("model 'no-such-model' not found");
    }
}
