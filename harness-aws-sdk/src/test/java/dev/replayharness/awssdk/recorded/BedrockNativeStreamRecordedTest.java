package dev.replayharness.awssdk.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import dev.replayharness.bedrock.nativeapi.emulator.NativeFault;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guide's prompts as Bedrock event streams ({@code ConverseStream}, {@code InvokeModelWithResponseStream}) through
 * the AWS SDK's async client (the SDK's synchronous {@code BedrockRuntimeClient} has no streaming operations), replayed
 * from the readable frames in {@code recordings/bedrock-native/}. Re-record offline with
 * {@code mvn test -Dsuite=bedrock-native -Dsetup=bedrock-native-emulator -Dharness.mode=record}.
 */
@Recorded(namespace = "bedrock-native", normalization = NativeNormalization.class)
@ExtendWith(NativeSetupExtension.class)
@DisplayName("Bedrock native event streams through the AWS SDK (recorded)")
public class BedrockNativeStreamRecordedTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    NativeSetup setup;
    HarnessSession session;
    BedrockRuntimeAsyncClient client;
    String model;

    @BeforeEach
    void client(NativeSetup setup, HarnessSession session) {
        this.setup = setup;
        this.session = session;
        this.client = setup.async(session);
        this.model = setup.model();
    }

    @AfterEach
    void close() {
        client.close();
    }

    static Message user(String text) {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(text))
                .build();
    }

    /** What a stream delivered: its events, and the error it ended with (null if none). */
    record Streamed<T>(List<T> events, Throwable error) {}

    /** Collects every event until the stream's own end (the SDK may fail the future before the last onNext). */
    static final class Collector<T> implements Subscriber<T> {
        final List<T> events = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(T event) {
            events.add(event);
        }

        @Override
        public void onError(Throwable error) {
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }

        Streamed<T> await(java.util.concurrent.CompletableFuture<Void> call) throws InterruptedException {
            Throwable error = null;
            try {
                call.join();
            } catch (CompletionException e) {
                error = e.getCause();
            }
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
            return new Streamed<>(List.copyOf(events), error);
        }
    }

    Streamed<ConverseStreamOutput> converseStream(java.util.function.Consumer<ConverseStreamRequest.Builder> request)
            throws InterruptedException {
        Collector<ConverseStreamOutput> collector = new Collector<>();
        return collector.await(client.converseStream(
                r -> request.accept(r.modelId(model)),
                ConverseStreamResponseHandler.builder()
                        .subscriber(() -> collector)
                        .build()));
    }

    static String text(Streamed<ConverseStreamOutput> streamed) {
        StringBuilder text = new StringBuilder();
        streamed.events().stream()
                .filter(ContentBlockDeltaEvent.class::isInstance)
                .map(e -> ((ContentBlockDeltaEvent) e).delta().text())
                .filter(t -> t != null)
                .forEach(text::append);
        return text.toString();
    }

    @Nested
    @DisplayName("converseStream")
    class ConverseStream {
        @Test
        @DisplayName("Which planet do humans live on? Earth, streamed, ending with end_turn")
        void earth() throws Exception {
            Streamed<ConverseStreamOutput> streamed =
                    converseStream(r -> r.messages(user("Which planet do humans live on?")));
            assertThat(streamed.error()).isNull();
            assertThat(text(streamed)).contains("Earth");
            assertThat(streamed.events())
                    .filteredOn(MessageStopEvent.class::isInstance)
                    .singleElement()
                    .extracting(e -> ((MessageStopEvent) e).stopReason())
                    .isEqualTo(StopReason.END_TURN);
        }

        @Test
        @DisplayName("the Sun in Latin: Sol")
        void sol() throws Exception {
            assertThat(text(converseStream(r -> r.messages(user("What's the name of the Sun in latin?")))))
                    .contains("Sol");
        }

        @Test
        @DisplayName("remembers a name from an earlier turn: Alice")
        void alice() throws Exception {
            assertThat(text(converseStream(r -> r.messages(
                            user("My name is Alice."),
                            Message.builder()
                                    .role(ConversationRole.ASSISTANT)
                                    .content(ContentBlock.fromText("Nice to meet you, Alice."))
                                    .build(),
                            user("What is my name?")))))
                    .contains("Alice");
        }

        @Test
        @DisplayName("follows a pirate system prompt")
        void pirate() throws Exception {
            assertThat(text(converseStream(r -> r.system(SystemContentBlock.fromText("You are a pirate."))
                            .messages(user("Hello, who are you?")))))
                    .containsIgnoringCase("ahoy");
        }

        @Test
        @DisplayName("writes a haiku with temperature, topP and maxTokens set")
        void haiku() throws Exception {
            assertThat(text(converseStream(r -> r.messages(user("Write a haiku about coding"))
                                    .inferenceConfig(
                                            c -> c.temperature(0.7f).topP(0.9f).maxTokens(500))))
                            .lines())
                    .hasSize(3);
        }

        @Test
        @DisplayName("a stream that fails mid-way replays the frames before the failure, then the typed exception")
        void failsMidway() throws Exception {
            setup.fail(session, NativeFault.midStream(NativeFault.Kind.MODEL_STREAM_ERROR, 3));
            Streamed<ConverseStreamOutput> streamed =
                    converseStream(r -> r.messages(user("Which planet do humans live on? Fail mid-way.")));
            assertThat(streamed.events()).hasSize(3);
            assertThat(streamed.error())
                    .isInstanceOf(ModelStreamErrorException.class)
                    .hasMessageContaining("The model stream was interrupted.");
        }
    }

    @Test
    @DisplayName("invokeModelWithResponseStream: gpt-oss's chat-completion chunks, the model's own JSON, say Earth")
    void invokeModelWithResponseStream() throws Exception {
        String body =
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Which planet do humans live on?\"}],\"max_completion_tokens\":500}";
        Collector<ResponseStream> collector = new Collector<>();
        Streamed<ResponseStream> streamed = collector.await(client.invokeModelWithResponseStream(
                r -> r.modelId(model).contentType("application/json").body(SdkBytes.fromUtf8String(body)),
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .subscriber(() -> collector)
                        .build()));
        assertThat(streamed.error()).isNull();
        StringBuilder content = new StringBuilder();
        for (ResponseStream event : streamed.events()) {
            JsonNode chunk = JSON.readTree(((PayloadPart) event).bytes().asString(StandardCharsets.UTF_8));
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            content.append(
                    chunk.path("choices").path(0).path("delta").path("content").asString(""));
        }
        assertThat(content.toString()).contains("Earth");
    }
}
