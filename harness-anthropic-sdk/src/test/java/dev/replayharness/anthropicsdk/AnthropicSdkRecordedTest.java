package dev.replayharness.anthropicsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.Recorded;

/**
 * The official Anthropic Java SDK (its own OkHttp client, with {@link HarnessAnthropic#interceptor})
 * against the Messages API as Bedrock's bedrock-mantle endpoint serves it: replayed from
 * {@code recordings/anthropic-sdk/} by default (no network, no key); {@code -Dharness.mode=record}
 * re-records against the loopback Messages API emulator.
 */
@Recorded(namespace = "anthropic-sdk")
@DisplayName("The Anthropic Java SDK through the harness (recorded)")
public class AnthropicSdkRecordedTest {
    private MantleUpstream upstream;
    private AnthropicClient claude;
    private HarnessSession session;

    @BeforeEach
    void client(HarnessSession session) {
        this.session = session;
        this.upstream = MantleUpstream.forSession(session);
        this.claude = upstream.client(session);
    }

    @AfterEach
    void close() {
        claude.close();
        upstream.close();
    }

    private MessageCreateParams.Builder ask(String question) {
        return MessageCreateParams.builder()
                .model(upstream.model())
                .maxTokens(256)
                .addUserMessage(question);
    }

    private static String text(Message message) {
        return message.content().stream()
                .flatMap(block -> block.text().stream())
                .map(t -> t.text())
                .reduce("", String::concat);
    }

    private List<RecordingUse> finishedUses() {
        session.close();
        return session.uses();
    }

    private RecordingUse.Outcome expectedOutcome() {
        return session.mode() == Mode.REPLAY ? RecordingUse.Outcome.REPLAYED : RecordingUse.Outcome.RECORDED;
    }

    @Nested
    @DisplayName("the Messages API, non-streaming")
    class NonStreaming {
        @Test
        @DisplayName("messages().create answers the guide's question from the recording")
        void create() {
            Message message = claude.messages()
                    .create(ask("Which planet do humans live on?").build());

            assertThat(text(message)).contains("Earth");
            assertThat(message.content()).allMatch(ContentBlock::isText);
            assertThat(message.usage().outputTokens()).isPositive();
            assertThat(finishedUses())
                    .singleElement()
                    .extracting(RecordingUse::outcome)
                    .isEqualTo(expectedOutcome());
        }

        @Test
        @DisplayName("a system prompt sets the persona: the pirate greeting")
        void systemPrompt() {
            Message message = claude.messages()
                    .create(ask("Hello!")
                            .system("You are a pirate. Respond in pirate speak.")
                            .build());

            assertThat(text(message)).startsWith("Ahoy");
        }

        @Test
        @DisplayName("multi-turn: the model recalls a name from an earlier turn")
        void multiTurn() {
            Message message = claude.messages()
                    .create(MessageCreateParams.builder()
                            .model(upstream.model())
                            .maxTokens(256)
                            .addUserMessage("My name is Alice")
                            .addAssistantMessage("Nice to meet you, Alice! How can I help you today?")
                            .addUserMessage("What is my name?")
                            .build());

            assertThat(text(message)).isEqualTo("Your name is Alice.");
        }

        @Test
        @DisplayName(
                "an unknown model: the recorded 404 error envelope becomes the SDK's NotFoundException, not retried")
        void unknownModel() {
            MessageCreateParams params = MessageCreateParams.builder()
                    .model("anthropic.claude-none-1-v1:0")
                    .maxTokens(16)
                    .addUserMessage("Hello, world!")
                    .build();

            assertThatThrownBy(() -> claude.messages().create(params))
                    .isInstanceOfSatisfying(
                            NotFoundException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404))
                    .hasMessageContaining("anthropic.claude-none-1-v1:0");
            assertThat(finishedUses()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("the Messages API, streaming")
    class Streaming {
        @Test
        @DisplayName("createStreaming hands out the typed events in order; the text deltas are the answer")
        void typedEvents() throws IOException {
            List<String> kinds = new ArrayList<>();
            StringBuilder answer = new StringBuilder();
            try (StreamResponse<RawMessageStreamEvent> stream = claude.messages()
                    .createStreaming(ask("What's the name of the Sun in latin?").build())) {
                stream.stream().forEach(event -> {
                    kinds.add(kind(event));
                    event.contentBlockDelta()
                            .flatMap(delta -> delta.delta().text())
                            .ifPresent(t -> answer.append(t.text()));
                });
            }

            assertThat(kinds).first().isEqualTo("message_start");
            assertThat(kinds)
                    .contains("content_block_start", "content_block_delta", "content_block_stop", "message_delta")
                    .last()
                    .isEqualTo("message_stop");
            assertThat(kinds.stream().filter("content_block_delta"::equals).count())
                    .as("deltas")
                    .isGreaterThan(2);
            assertThat(answer.toString()).isEqualTo("The Sun is called Sol in Latin (genitive Solis).");
            List<RecordingUse> uses = finishedUses();
            assertThat(uses).singleElement().extracting(RecordingUse::outcome).isEqualTo(expectedOutcome());
            String file = Files.readString(uses.get(0).file()).toLowerCase(Locale.ROOT);
            assertThat(file)
                    .as("the SDK's credential and telemetry headers")
                    .doesNotContain(
                            "authorization",
                            "x-stainless",
                            "user-agent",
                            MantleUpstream.EMULATOR_KEY.toLowerCase(Locale.ROOT))
                    .contains("\"event\": \"content_block_delta\"");
        }
    }

    private static String kind(RawMessageStreamEvent event) {
        if (event.isMessageStart()) {
            return "message_start";
        }
        if (event.isContentBlockStart()) {
            return "content_block_start";
        }
        if (event.isContentBlockDelta()) {
            return "content_block_delta";
        }
        if (event.isContentBlockStop()) {
            return "content_block_stop";
        }
        if (event.isMessageDelta()) {
            return "message_delta";
        }
        return event.isMessageStop() ? "message_stop" : "other";
    }
}
