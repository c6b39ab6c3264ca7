package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.openai.ChatCompletionRequest;

@DisplayName("Bedrock's error answers become typed exceptions that say what to do")
class BedrockErrorsTest {

    BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    static ChatCompletionRequest hello() {
        return ChatCompletionRequest.builder("bedrock/openai.gpt-oss-20b-1:0")
                .user("Hello, world!")
                .build();
    }

    /** The request id the emulator answered the last request with. */
    String lastRequestId() {
        return emulator.requests().get(emulator.requestCount() - 1).requestId();
    }

    void assertStatusAndRequestId(BedrockException e, int status) {
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.requestId()).contains(lastRequestId());
        assertThat(e.getMessage()).endsWith("[HTTP " + status + ", request id " + lastRequestId() + "]");
    }

    @Nested
    @DisplayName("401 is an authentication error")
    class Unauthorized {

        @Test
        @DisplayName("that says an expired token has expired and how to generate a new short-term key")
        void expired() {
            BedrockClient bedrock = TestClients.client(emulator, "long-term-key-expired", c -> c, new FakeTime());
            BedrockAuthenticationException e =
                    catchThrowableOfType(BedrockAuthenticationException.class, () -> bedrock.chat(hello()));
            assertThat(e.isExpired()).isTrue();
            assertThat(e.getMessage())
                    .startsWith("Bedrock refused the API key: it has expired"
                            + " (Bedrock said: \"Bearer Token has expired\").")
                    .contains("Bedrock console (region us-west-2): Discover → API keys → Generate short-term API keys")
                    .contains("at most 12 hours")
                    .contains("export AWS_BEARER_TOKEN_BEDROCK=");
            assertStatusAndRequestId(e, 401);
        }

        @Test
        @DisplayName("that otherwise says to check AWS_BEARER_TOKEN_BEDROCK")
        void invalid() {
            emulator.requireToken("the-right-key");
            BedrockAuthenticationException e = catchThrowableOfType(
                    BedrockAuthenticationException.class,
                    () -> TestClients.client(emulator).chat(hello()));
            assertThat(e.isExpired()).isFalse();
            assertThat(e.getMessage())
                    .contains("(Bedrock said: \"The security token included in the request is invalid.\")")
                    .contains("Check that AWS_BEARER_TOKEN_BEDROCK holds a complete, current Bedrock API key");
            assertStatusAndRequestId(e, 401);
        }

        @Test
        @DisplayName("that points out the replay placeholder when it reached a live endpoint")
        void replayDummy() {
            emulator.requireToken("the-right-key");
            BedrockAuthenticationException e = catchThrowableOfType(
                    BedrockAuthenticationException.class,
                    () -> TestClients.client(emulator, BedrockApiKey.REPLAY_DUMMY_KEY, c -> c, new FakeTime())
                            .chat(hello()));
            assertThat(e.getMessage()).contains("The key is the replay placeholder replay-mode-dummy-key");
        }
    }

    @Test
    @DisplayName("403 is access denied: model access not granted, or the wrong region")
    void forbidden() {
        emulator.enqueue(ScriptedResponse.of(
                403, "{\"Message\":\"You don't have access to the model with the specified" + " model ID.\"}"));
        BedrockAccessDeniedException e = catchThrowableOfType(
                BedrockAccessDeniedException.class,
                () -> TestClients.client(emulator).chat(hello()));
        assertThat(e.getMessage())
                .startsWith("Bedrock denied access to model openai.gpt-oss-20b-1:0 in us-west-2 (Bedrock said:"
                        + " \"You don't have access to the model with the specified model ID.\")")
                .contains("not been granted access to the model (Bedrock console → Model access, in us-west-2)")
                .contains("us-west-2 does not offer it, or the key's permissions");
        assertStatusAndRequestId(e, 403);
    }

    @Test
    @DisplayName("404 is model not found, naming the model and the region")
    void notFound() {
        ModelRegistry models = ModelRegistry.of(
                List.of(new RegisteredModel("gpt-oss-999b", "bedrock", "openai.gpt-oss-999b-1:0", "llm", Map.of())));
        BedrockClient bedrock =
                TestClients.client(emulator, TestClients.KEY, c -> c.region("eu-central-1"), new FakeTime(), models);
        BedrockModelNotFoundException e = catchThrowableOfType(
                BedrockModelNotFoundException.class,
                () -> bedrock.chat(ChatCompletionRequest.builder("bedrock/gpt-oss-999b")
                        .user("Hi")
                        .build()));
        assertThat(e.getMessage())
                .startsWith(
                        "Bedrock has no model openai.gpt-oss-999b-1:0 in region eu-central-1"
                                + " (Bedrock said: \"The model `openai.gpt-oss-999b-1:0` does not exist or you do not have access to it.\")");
        assertStatusAndRequestId(e, 404);
    }

    @Test
    @DisplayName("400 is a validation error carrying Bedrock's message")
    void badRequest() {
        BedrockValidationException e = catchThrowableOfType(
                BedrockValidationException.class,
                () -> TestClients.client(emulator)
                        .chat(ChatCompletionRequest.builder("openai.gpt-oss-20b-1:0")
                                .user("Hi")
                                .extraField("frobnicate", true)
                                .build()));
        assertThat(e.getMessage()).contains("(Bedrock said: \"Unrecognized request field: frobnicate\")");
        assertStatusAndRequestId(e, 400);
        assertThat(emulator.requestCount()).as("a 400 is not retried").isEqualTo(1);
    }

    @Test
    @DisplayName(
            "a 400 about a malformed image is not explained as a text-only model: only Bedrock's modality refusal is")
    void imageAdviceOnlyForModality() {
        emulator.enqueue(
                ScriptedResponse.of(
                        400,
                        "{\"error\":{\"message\":\"Invalid image_url: the url must start with"
                                + " https:// or data:image/\",\"type\":\"invalid_request_error\",\"code\":\"validation_error\"}}"));
        BedrockValidationException e = catchThrowableOfType(
                BedrockValidationException.class,
                () -> TestClients.client(emulator).chat(hello()));
        assertThat(e.getMessage())
                .contains("Invalid image_url: the url must start with")
                .contains("Fix or remove the parameter or message part it names.")
                .doesNotContain("takes text only");
        assertStatusAndRequestId(e, 400);
    }

    @Test
    @DisplayName("other statuses are service errors with the status and request id")
    void otherStatus() {
        emulator.enqueue(ScriptedResponse.of(409, "{\"message\":\"Conflict\"}"));
        BedrockServiceException e = catchThrowableOfType(
                BedrockServiceException.class,
                () -> TestClients.client(emulator).chat(hello()));
        assertThat(e.getMessage())
                .startsWith("Bedrock answered HTTP 409 for openai.gpt-oss-20b-1:0 (Bedrock said: \"Conflict\")");
        assertStatusAndRequestId(e, 409);
    }

    @Test
    @DisplayName("errors before a stream starts are mapped the same way")
    void streamErrors() {
        emulator.enqueue(ScriptedResponse.of(403, "{\"message\":\"denied\"}"));
        BedrockAccessDeniedException e = catchThrowableOfType(
                BedrockAccessDeniedException.class,
                () -> TestClients.client(emulator).chatStream(hello()));
        assertStatusAndRequestId(e, 403);
    }

    @Test
    @DisplayName("a request timeout is a transport error that says so")
    void timeout() {
        emulator.delayResponses(Duration.ofSeconds(20));
        BedrockClient bedrock = TestClients.client(
                emulator, TestClients.KEY, config -> config.requestTimeout(Duration.ofMillis(300)), new FakeTime());
        BedrockTransportException e =
                catchThrowableOfType(BedrockTransportException.class, () -> bedrock.chat(hello()));
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage())
                .startsWith(
                        "No answer from Bedrock at " + emulator.baseUri() + " within the request timeout of 0.3 s.");
        assertThat(emulator.requestCount()).as("a timeout is not retried").isEqualTo(1);
    }

    @Test
    @DisplayName("no answer at all is a transport error naming the endpoint, without a status")
    void unreachable() {
        String base = emulator.baseUri().toString();
        BedrockClient bedrock = TestClients.client(emulator);
        emulator.close();
        BedrockTransportException e =
                catchThrowableOfType(BedrockTransportException.class, () -> bedrock.chat(hello()));
        assertThat(e.getMessage()).startsWith("Could not get an answer from Bedrock at " + base);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.isTimeout()).isFalse();
    }
}
