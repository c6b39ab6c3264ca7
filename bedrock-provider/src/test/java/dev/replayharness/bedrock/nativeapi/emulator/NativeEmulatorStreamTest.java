package dev.replayharness.bedrock.nativeapi.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.eventstream.MessageDecoder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import tools.jackson.databind.JsonNode;

@DisplayName("The Bedrock native emulator's event streams, read by the real BedrockRuntimeAsyncClient (Netty)")
class NativeEmulatorStreamTest {
    static final String MODEL = NativeEmulator.MODEL;
    static final HttpClient HTTP = HttpClient.newHttpClient(); // Java 17: not closeable
    static final String EARTH = "Which planet do humans live on?";
    final NativeEmulator emulator = NativeEmulator.start();
    final BedrockRuntimeAsyncClient client = SdkClients.async(emulator.endpoint());

    @AfterEach
    void close() {
        client.close();
        emulator.close();
    }

    /** Runs a ConverseStream of the prompt; the events seen, and the stream's error or null. */
    record Streamed(List<ConverseStreamOutput> events, Throwable error) {
        String text(boolean reasoning) {
            StringBuilder text = new StringBuilder();
            for (ConverseStreamOutput event : events) {
                if (event instanceof ContentBlockDeltaEvent delta) {
                    String piece = reasoning
                            ? (delta.delta().reasoningContent() == null
                                    ? null
                                    : delta.delta().reasoningContent().text())
                            : delta.delta().text();
                    text.append(piece == null ? "" : piece);
                }
            }
            return text.toString();
        }
    }

    Streamed converseStream(String prompt) throws InterruptedException {
        EventCollector<ConverseStreamOutput> collector = new EventCollector<>();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(() -> collector)
                .build();
        Throwable error = null;
        try {
            client.converseStream(
                            r -> r.modelId(MODEL)
                                    .messages(Message.builder()
                                            .role(ConversationRole.USER)
                                            .content(ContentBlock.fromText(prompt))
                                            .build()),
                            handler)
                    .join();
        } catch (CompletionException e) {
            error = e.getCause();
        }
        return new Streamed(collector.awaitEnd(), error);
    }

    @Nested
    @DisplayName("converseStream")
    class ConverseStream {
        @Test
        @DisplayName("streams messageStart, reasoning and text deltas, contentBlockStop, messageStop and metadata")
        void events() throws InterruptedException {
            Streamed streamed = converseStream(EARTH);
            assertThat(streamed.error()).isNull();
            List<ConverseStreamOutput.EventType> types = streamed.events().stream()
                    .map(ConverseStreamOutput::sdkEventType)
                    .toList();
            assertThat(types.get(0)).isEqualTo(ConverseStreamOutput.EventType.MESSAGE_START);
            assertThat(types.subList(types.size() - 2, types.size()))
                    .containsExactly(
                            ConverseStreamOutput.EventType.MESSAGE_STOP, ConverseStreamOutput.EventType.METADATA);
            assertThat(types).contains(ConverseStreamOutput.EventType.CONTENT_BLOCK_STOP);
            assertThat(streamed.text(false))
                    .isEqualTo(
                            "Humans live on **Earth**, the third planet from the Sun and the only one known to support life.");
            assertThat(streamed.text(true)).isEqualTo("The user asks which planet humans live on. That is Earth.");
            MessageStopEvent stop =
                    (MessageStopEvent) streamed.events().get(streamed.events().size() - 2);
            assertThat(stop.stopReason()).isEqualTo(StopReason.END_TURN);
            ConverseStreamMetadataEvent metadata = (ConverseStreamMetadataEvent)
                    streamed.events().get(streamed.events().size() - 1);
            assertThat(metadata.usage().totalTokens())
                    .isEqualTo(metadata.usage().inputTokens() + metadata.usage().outputTokens());
            assertThat(metadata.metrics().latencyMs()).isPositive();
        }

        @Test
        @DisplayName("an exception frame mid-way: the events before it, then the SDK's typed ThrottlingException")
        void failsMidway() throws InterruptedException {
            emulator.enqueue(NativeFault.midStream(NativeFault.Kind.THROTTLING, 3));
            Streamed streamed = converseStream(EARTH);
            assertThat(streamed.events()).hasSize(3);
            assertThat(streamed.error())
                    .isInstanceOf(ThrottlingException.class)
                    .hasMessageContaining("Too many requests, please wait before trying again.");
        }

        @Test
        @DisplayName("frames are flushed one by one: the caller sees frame 1 while the emulator holds frame 2")
        void frameByFrame() throws Exception {
            emulator.gate().holdAfter(1);
            CountDownLatch first = new CountDownLatch(1);
            List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .subscriber(event -> {
                        events.add(event);
                        first.countDown();
                    })
                    .build();
            var done = client.converseStream(
                    r -> r.modelId(MODEL)
                            .messages(Message.builder()
                                    .role(ConversationRole.USER)
                                    .content(ContentBlock.fromText(EARTH))
                                    .build()),
                    handler);
            assertThat(first.await(30, TimeUnit.SECONDS))
                    .as("frame 1 arrived while frame 2 was held")
                    .isTrue();
            assertThat(events).hasSize(1);
            emulator.gate().release();
            done.get(30, TimeUnit.SECONDS);
            assertThat(events.size()).isGreaterThan(5);
        }
    }

    @Nested
    @DisplayName("invokeModelWithResponseStream")
    class InvokeStream {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Write a haiku about coding\"}],\"stream\":true}";

        List<JsonNode> chunks(List<PayloadPart> parts) {
            return parts.stream()
                    .map(p -> NativeJson.MAPPER.readTree(p.bytes().asUtf8String()))
                    .toList();
        }

        @Test
        @DisplayName(
                "streams chunk events whose bytes are chat.completion.chunk JSON, the last with invocation metrics")
        void chunks() {
            List<PayloadPart> parts = new CopyOnWriteArrayList<>();
            var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                    .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                            .onChunk(parts::add)
                            .build())
                    .build();
            client.invokeModelWithResponseStream(r -> r.modelId(MODEL).body(SdkBytes.fromUtf8String(body)), handler)
                    .join();
            StringBuilder content = new StringBuilder();
            chunks(parts)
                    .forEach(c -> content.append(c.path("choices")
                            .path(0)
                            .path("delta")
                            .path("content")
                            .asString("")));
            assertThat(content.toString())
                    .endsWith(
                            "</reasoning>Lines of logic flow\nBugs hide in the silent loops\nTests bring back the dawn");
            JsonNode last = chunks(parts).get(parts.size() - 1);
            assertThat(last.path("choices").path(0).path("finish_reason").asString())
                    .isEqualTo("stop");
            assertThat(last.path("amazon-bedrock-invocationMetrics")
                            .path("outputTokenCount")
                            .asInt())
                    .isPositive();
        }

        @Test
        @DisplayName("an exception frame mid-way: the chunks before it, then ModelStreamErrorException")
        void failsMidway() throws InterruptedException {
            emulator.enqueue(NativeFault.midStream(NativeFault.Kind.MODEL_STREAM_ERROR, 2));
            EventCollector<software.amazon.awssdk.services.bedrockruntime.model.ResponseStream> collector =
                    new EventCollector<>();
            var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                    .subscriber(() -> collector)
                    .build();
            Throwable error = null;
            try {
                client.invokeModelWithResponseStream(r -> r.modelId(MODEL).body(SdkBytes.fromUtf8String(body)), handler)
                        .join();
            } catch (CompletionException e) {
                error = e.getCause();
            }
            assertThat(collector.awaitEnd()).hasSize(2).allMatch(PayloadPart.class::isInstance);
            assertThat(error).isInstanceOf(ModelStreamErrorException.class);
        }
    }

    @Nested
    @DisplayName("on the wire")
    class Wire {
        List<software.amazon.awssdk.eventstream.Message> frames(HttpResponse<byte[]> response) {
            List<software.amazon.awssdk.eventstream.Message> frames = new ArrayList<>();
            new MessageDecoder(frames::add).feed(response.body());
            return frames;
        }

        HttpResponse<byte[]> post(String operation, String body) throws Exception {
            return HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(emulator.endpoint() + "/model/openai.gpt-oss-20b-1%3A0/" + operation))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        @Test
        @DisplayName(
                "a stream is application/vnd.amazon.eventstream: each frame has :event-type, :content-type and :message-type, and a random p padding")
        void headers() throws Exception {
            HttpResponse<byte[]> response =
                    post("converse-stream", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.amazon.eventstream");
            var frames = frames(response);
            assertThat(frames.get(0).getHeaders().keySet())
                    .containsExactly(":event-type", ":content-type", ":message-type");
            assertThat(frames.get(0).getHeaders().get(":event-type").getString())
                    .isEqualTo("messageStart");
            assertThat(frames.get(0).getHeaders().get(":message-type").getString())
                    .isEqualTo("event");
            List<String> paddings = frames.stream()
                    .map(f ->
                            NativeJson.MAPPER.readTree(f.getPayload()).path("p").asString())
                    .toList();
            assertThat(paddings).allMatch(p -> !p.isEmpty());
        }

        @Test
        @DisplayName(
                "an exception frame has :exception-type (the union member), :message-type exception and Bedrock's message")
        void exceptionFrame() throws Exception {
            emulator.enqueue(NativeFault.midStream(NativeFault.Kind.VALIDATION, 0));
            var frames = frames(
                    post("converse-stream", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}"));
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).getHeaders().get(":exception-type").getString())
                    .isEqualTo("validationException");
            assertThat(frames.get(0).getHeaders().get(":message-type").getString())
                    .isEqualTo("exception");
            assertThat(new String(frames.get(0).getPayload(), StandardCharsets.UTF_8))
                    .contains("\"message\":\"The model returned");
        }

        @Test
        @DisplayName("an InvokeModel stream chunk is {\"bytes\": base64 of the model's JSON, \"p\": padding}")
        void chunkPayload() throws Exception {
            var frames = frames(
                    post("invoke-with-response-stream", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
            JsonNode payload = NativeJson.MAPPER.readTree(frames.get(0).getPayload());
            assertThat(frames.get(0).getHeaders().get(":event-type").getString())
                    .isEqualTo("chunk");
            JsonNode chunk = NativeJson.MAPPER.readTree(
                    Base64.getDecoder().decode(payload.path("bytes").asString()));
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(payload.has("p")).isTrue();
        }

        @Test
        @DisplayName("an unknown path answers 404 UnknownOperationException")
        void unknown() throws Exception {
            HttpResponse<byte[]> response = post("summarize", "{}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .get()
                    .asString()
                    .startsWith("UnknownOperationException");
        }
    }
}
