package dev.replayharness.awssdk.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import dev.replayharness.bedrock.nativeapi.emulator.NativeFault;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;

/**
 * The guide's prompts through Bedrock's native API and the AWS SDK's own client, replayed from
 * {@code recordings/bedrock-native/}. Re-record offline with {@code -Dharness.mode=record
 * -Dsetup=bedrock-native-emulator}, or on AWS with {@code -Dsetup=bedrock-native} and credentials (the scripted
 * errors then keep their emulator recordings).
 */
@Recorded(namespace = "bedrock-native", normalization = NativeNormalization.class)
@ExtendWith(NativeSetupExtension.class)
@DisplayName("Bedrock native API through the AWS SDK (recorded)")
public class BedrockNativeRecordedTest {
    NativeSetup setup;
    HarnessSession session;
    BedrockRuntimeClient client;
    String model;

    @BeforeEach
    void client(NativeSetup setup, HarnessSession session) {
        this.setup = setup;
        this.session = session;
        this.client = setup.sync(session);
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

    String answer(ConverseResponse response) {
        return response.output().message().content().stream()
                .filter(c -> c.text() != null)
                .findFirst()
                .orElseThrow()
                .text();
    }

    @Nested
    @DisplayName("converse")
    class Converse {
        @Test
        @DisplayName("Which planet do humans live on? Earth, with the model's reasoning, end_turn and usage")
        void earth() {
            ConverseResponse response =
                    client.converse(r -> r.modelId(model).messages(user("Which planet do humans live on?")));
            assertThat(answer(response)).contains("Earth");
            assertThat(response.output().message().content().get(0).reasoningContent())
                    .isNotNull();
            assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
            assertThat(response.usage().totalTokens())
                    .isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
        }

        @Test
        @DisplayName("the Sun in Latin: Sol")
        void sol() {
            assertThat(answer(client.converse(
                            r -> r.modelId(model).messages(user("What's the name of the Sun in latin?")))))
                    .contains("Sol");
        }

        @Test
        @DisplayName("remembers a name from an earlier turn: Alice")
        void alice() {
            ConverseResponse response = client.converse(r -> r.modelId(model)
                    .messages(
                            user("My name is Alice."),
                            Message.builder()
                                    .role(ConversationRole.ASSISTANT)
                                    .content(ContentBlock.fromText("Nice to meet you, Alice."))
                                    .build(),
                            user("What is my name?")));
            assertThat(answer(response)).contains("Alice");
        }

        @Test
        @DisplayName("follows a pirate system prompt")
        void pirate() {
            ConverseResponse response = client.converse(r -> r.modelId(model)
                    .system(SystemContentBlock.fromText("You are a pirate."))
                    .messages(user("Hello, who are you?")));
            assertThat(answer(response)).containsIgnoringCase("ahoy");
        }

        @Test
        @DisplayName("writes a haiku with temperature, topP and maxTokens set")
        void haiku() {
            ConverseResponse response = client.converse(r -> r.modelId(model)
                    .messages(user("Write a haiku about coding"))
                    .inferenceConfig(c -> c.temperature(0.7f).topP(0.9f).maxTokens(500)));
            assertThat(answer(response).lines()).hasSize(3);
        }

        @Test
        @DisplayName("a tool-use round trip: tool_use with the city, then the answer from the tool's result")
        void toolRoundTrip() {
            // Ordered maps: Map.of's order changes from run to run, and so would the request (and its key).
            Map<String, Document> city = new LinkedHashMap<>();
            city.put("city", Document.fromMap(Map.of("type", Document.fromString("string"))));
            Map<String, Document> schema = new LinkedHashMap<>();
            schema.put("type", Document.fromString("object"));
            schema.put("properties", Document.fromMap(city));
            schema.put("required", Document.fromList(List.of(Document.fromString("city"))));
            Tool weather = Tool.fromToolSpec(ToolSpecification.builder()
                    .name("get_weather")
                    .description("Current weather of a city")
                    .inputSchema(ToolInputSchema.fromJson(Document.fromMap(schema)))
                    .build());
            Message ask = user("What is the weather in Paris?");
            ConverseResponse call =
                    client.converse(r -> r.modelId(model).messages(ask).toolConfig(t -> t.tools(weather)));
            assertThat(call.stopReason()).isEqualTo(StopReason.TOOL_USE);
            ToolUseBlock use = call.output().message().content().stream()
                    .filter(c -> c.toolUse() != null)
                    .findFirst()
                    .orElseThrow()
                    .toolUse();
            assertThat(use.input().asMap().get("city").asString()).isEqualTo("Paris");
            Message result = Message.builder()
                    .role(ConversationRole.USER)
                    .content(ContentBlock.fromToolResult(ToolResultBlock.builder()
                            .toolUseId(use.toolUseId())
                            .content(ToolResultContentBlock.fromText("18°C and sunny"))
                            .build()))
                    .build();
            ConverseResponse answer = client.converse(r -> r.modelId(model)
                    .toolConfig(t -> t.tools(weather))
                    .messages(ask, call.output().message(), result));
            assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
            assertThat(answer(answer)).contains("18°C");
        }

        @Test
        @DisplayName("through the async client (Netty) too")
        void async() {
            try (var async = setup.async(session)) {
                assertThat(answer(async.converse(r -> r.modelId(model)
                                        .messages(user("Which planet has rings around it with a name "
                                                + "starting with letter S?")))
                                .join()))
                        .contains("Saturn");
            }
        }
    }

    @Test
    @DisplayName("LangChain4j's BedrockChatModel over the wrapped client answers the guide's first prompt")
    void langChain4j() {
        // The wiring: LangChain4j takes the SDK client, whose HTTP client is the harness's (setup.sync does
        // BedrockRuntimeClient.builder().httpClient(HarnessAws.wrap(ApacheHttpClient.create(), session))).
        dev.langchain4j.model.chat.ChatModel chat = dev.langchain4j.model.bedrock.BedrockChatModel.builder()
                .client(client)
                .modelId(model)
                .build();
        assertThat(chat.chat("Which planet do humans live on?")).contains("Earth");
    }

    @Test
    @DisplayName("invokeModel answers gpt-oss's chat-completions body")
    void invokeModel() {
        String body =
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Which planet do humans live on?\"}],\"max_completion_tokens\":500}";
        var response = client.invokeModel(r -> r.modelId(model)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(body)));
        assertThat(response.body().asString(StandardCharsets.UTF_8))
                .contains("\"chat.completion\"")
                .contains("Earth");
    }

    @Nested
    @DisplayName("errors, as the SDK's typed exceptions")
    class Errors {
        @Test
        @DisplayName("ValidationException: a conversation that starts with the assistant")
        void validation() {
            ValidationException thrown = catchThrowableOfType(
                    ValidationException.class,
                    () -> client.converse(r -> r.modelId(model)
                            .messages(Message.builder()
                                    .role(ConversationRole.ASSISTANT)
                                    .content(ContentBlock.fromText("Hello"))
                                    .build())));
            assertThat(thrown.statusCode()).isEqualTo(400);
        }

        @Test
        @DisplayName("ResourceNotFoundException: a model that does not exist")
        void notFound() {
            assertThat(catchThrowableOfType(
                                    ResourceNotFoundException.class,
                                    () -> client.converse(r ->
                                            r.modelId("openai.gpt-oss-999b-1:0").messages(user("Hello"))))
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        @DisplayName("ThrottlingException with 429 (scripted on the emulator)")
        void throttling() {
            setup.fail(session, NativeFault.http(NativeFault.Kind.THROTTLING));
            assertThat(catchThrowableOfType(
                                    ThrottlingException.class,
                                    () -> client.converse(
                                            r -> r.modelId(model).messages(user("Throttle this request"))))
                            .statusCode())
                    .isEqualTo(429);
        }

        @Test
        @DisplayName("AccessDeniedException (scripted on the emulator)")
        void accessDenied() {
            setup.fail(session, NativeFault.http(NativeFault.Kind.ACCESS_DENIED));
            assertThat(catchThrowableOfType(
                                    AccessDeniedException.class,
                                    () -> client.converse(r -> r.modelId(model).messages(user("Deny this request"))))
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        @DisplayName("an expired token: 403 ExpiredTokenException (scripted on the emulator)")
        void expiredToken() {
            setup.fail(session, NativeFault.http(NativeFault.Kind.EXPIRED_TOKEN));
            BedrockRuntimeException thrown = catchThrowableOfType(
                    BedrockRuntimeException.class,
                    () -> client.converse(r -> r.modelId(model).messages(user("Expire this request"))));
            assertThat(thrown.statusCode()).isEqualTo(403);
            assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        }
    }
}
