package dev.replayharness.bedrock.nativeapi.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

import tools.jackson.databind.JsonNode;

@DisplayName("The Bedrock native emulator, called through the real BedrockRuntimeClient (Apache HTTP client)")
class NativeEmulatorSdkTest {
    static final String MODEL = NativeEmulator.MODEL;
    final NativeEmulator emulator = NativeEmulator.start();
    final BedrockRuntimeClient client = SdkClients.sync(emulator.endpoint());

    @AfterEach
    void close() {
        client.close();
        emulator.close();
    }

    static Message user(String text) {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(text))
                .build();
    }

    @Nested
    @DisplayName("converse")
    class Converse {
        @Test
        @DisplayName("answers the guide's first prompt with a reasoning block, the text, end_turn, usage and metrics")
        void earth() {
            ConverseResponse response =
                    client.converse(r -> r.modelId(MODEL).messages(user("Which planet do humans live on?")));
            var content = response.output().message().content();
            assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
            assertThat(content.get(0).reasoningContent().reasoningText().text()).contains("That is Earth.");
            assertThat(content.get(1).text()).startsWith("Humans live on **Earth**");
            assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
            assertThat(response.usage().totalTokens())
                    .isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
            assertThat(response.usage().outputTokens()).isPositive();
            assertThat(response.metrics().latencyMs()).isPositive();
            assertThat(response.responseMetadata().requestId()).isNotBlank();
        }

        @Test
        @DisplayName("receives the model id percent-encoded in the path, as the SDK sends it, and the SigV4 signature")
        void path() {
            client.converse(r -> r.modelId(MODEL).messages(user("Hi")));
            NativeRequest request = emulator.requests().get(0);
            assertThat(request.rawPath()).isEqualTo("/model/openai.gpt-oss-20b-1%3A0/converse");
            assertThat(request.header("Authorization"))
                    .get()
                    .asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDNATIVEEMULATOR01/");
            assertThat(request.header("X-Amz-Date")).isPresent();
        }

        @Test
        @DisplayName("follows the system prompt and remembers earlier turns, with inference settings accepted")
        void systemAndMemory() {
            ConverseResponse pirate = client.converse(r -> r.modelId(MODEL)
                    .system(SystemContentBlock.fromText("You are a pirate."))
                    .messages(user("Hello"))
                    .inferenceConfig(c -> c.maxTokens(200).temperature(0.7f).topP(0.9f)));
            assertThat(pirate.output().message().content().get(1).text()).startsWith("Ahoy, matey!");
            ConverseResponse name = client.converse(r -> r.modelId(MODEL)
                    .messages(
                            user("My name is Alice."),
                            Message.builder()
                                    .role(ConversationRole.ASSISTANT)
                                    .content(ContentBlock.fromText("Hello Alice."))
                                    .build(),
                            user("What is my name?")));
            assertThat(name.output().message().content().get(1).text()).isEqualTo("Your name is Alice.");
            JsonNode sent =
                    NativeJson.MAPPER.readTree(emulator.requests().get(0).body());
            assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(200);
        }

        @Test
        @DisplayName("calls an offered tool (tool_use, the input as a document) and reports the tool's result")
        void toolRoundTrip() {
            Tool weather = Tool.fromToolSpec(ToolSpecification.builder()
                    .name("get_weather")
                    .description("Weather of a city")
                    .inputSchema(ToolInputSchema.fromJson(Document.fromMap(java.util.Map.of(
                            "type",
                            Document.fromString("object"),
                            "properties",
                            Document.fromMap(java.util.Map.of(
                                    "city", Document.fromMap(java.util.Map.of("type", Document.fromString("string"))))),
                            "required",
                            Document.fromList(java.util.List.of(Document.fromString("city")))))))
                    .build());
            Message ask = user("What is the weather in Paris?");
            ConverseResponse call =
                    client.converse(r -> r.modelId(MODEL).messages(ask).toolConfig(t -> t.tools(weather)));
            assertThat(call.stopReason()).isEqualTo(StopReason.TOOL_USE);
            ToolUseBlock use = call.output().message().content().get(1).toolUse();
            assertThat(use.name()).isEqualTo("get_weather");
            assertThat(use.input().asMap().get("city").asString()).isEqualTo("Paris");
            assertThat(use.toolUseId()).startsWith("tooluse_");

            Message result = Message.builder()
                    .role(ConversationRole.USER)
                    .content(ContentBlock.fromToolResult(ToolResultBlock.builder()
                            .toolUseId(use.toolUseId())
                            .content(ToolResultContentBlock.fromText("18°C, sunny"))
                            .build()))
                    .build();
            ConverseResponse answer = client.converse(r -> r.modelId(MODEL)
                    .toolConfig(t -> t.tools(weather))
                    .messages(ask, call.output().message(), result));
            assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
            assertThat(answer.output().message().content().get(1).text())
                    .isEqualTo("get_weather returned 18°C, sunny.");
        }
    }

    @Nested
    @DisplayName("invokeModel")
    class Invoke {
        @Test
        @DisplayName("answers gpt-oss's chat-completions body with a completion whose content holds the reasoning tags")
        void completion() {
            String body =
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"What's the name of the Sun in latin?\"}],\"max_completion_tokens\":100}";
            var response = client.invokeModel(r -> r.modelId(MODEL)
                    .contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromUtf8String(body)));
            JsonNode json = NativeJson.MAPPER.readTree(response.body().asString(StandardCharsets.UTF_8));
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(json.path("object").asString()).isEqualTo("chat.completion");
            assertThat(json.path("choices")
                            .path(0)
                            .path("message")
                            .path("content")
                            .asString())
                    .startsWith("<reasoning>")
                    .endsWith("</reasoning>The Sun is called **Sol** in Latin (genitive *Solis*).");
            assertThat(json.path("usage").path("total_tokens").asInt()).isPositive();
        }
    }

    @Nested
    @DisplayName("errors, as the SDK's typed exceptions")
    class Errors {
        ConverseResponse call() {
            return client.converse(r -> r.modelId(MODEL).messages(user("Hi")));
        }

        @Test
        @DisplayName("ValidationException (400), also for a conversation that does not start with a user turn")
        void validation() {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.VALIDATION));
            assertThat(catchThrowableOfType(ValidationException.class, this::call)
                            .statusCode())
                    .isEqualTo(400);
            ValidationException empty = catchThrowableOfType(
                    ValidationException.class,
                    () -> client.converse(r -> r.modelId(MODEL)
                            .messages(Message.builder()
                                    .role(ConversationRole.ASSISTANT)
                                    .content(ContentBlock.fromText("x"))
                                    .build())));
            assertThat(empty.awsErrorDetails().errorMessage())
                    .startsWith("A conversation must start with a user message.");
        }

        @Test
        @DisplayName("ThrottlingException with 429")
        void throttling() {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.THROTTLING));
            ThrottlingException thrown = catchThrowableOfType(ThrottlingException.class, this::call);
            assertThat(thrown.statusCode()).isEqualTo(429);
            assertThat(thrown.awsErrorDetails().errorMessage())
                    .isEqualTo("Too many requests, please wait before trying again.");
        }

        @Test
        @DisplayName("AccessDeniedException (403)")
        void accessDenied() {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.ACCESS_DENIED));
            assertThat(catchThrowableOfType(AccessDeniedException.class, this::call)
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        @DisplayName("ResourceNotFoundException (404) for a model it does not know")
        void notFound() {
            ResourceNotFoundException thrown = catchThrowableOfType(
                    ResourceNotFoundException.class,
                    () -> client.converse(
                            r -> r.modelId("openai.gpt-oss-999b-1:0").messages(user("Hi"))));
            assertThat(thrown.statusCode()).isEqualTo(404);
            assertThat(thrown.awsErrorDetails().errorMessage()).contains("Could not resolve the foundation model");
        }

        @Test
        @DisplayName(
                "an expired token: 403 ExpiredTokenException, the SDK's generic BedrockRuntimeException with that code")
        void expiredToken() {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.EXPIRED_TOKEN));
            BedrockRuntimeException thrown = catchThrowableOfType(BedrockRuntimeException.class, this::call);
            assertThat(thrown).isNotInstanceOf(AccessDeniedException.class);
            assertThat(thrown.statusCode()).isEqualTo(403);
            assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            assertThat(thrown.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is expired");
        }

        @Test
        @DisplayName("the same errors answer invokeModel")
        void invoke() {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.THROTTLING));
            assertThat(catchThrowableOfType(
                                    ThrottlingException.class,
                                    () -> client.invokeModel(r -> r.modelId(MODEL)
                                            .body(SdkBytes.fromUtf8String(
                                                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))))
                            .statusCode())
                    .isEqualTo(429);
        }
    }
}
