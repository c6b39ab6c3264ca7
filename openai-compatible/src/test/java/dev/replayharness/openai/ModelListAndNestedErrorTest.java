package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.openai.LoopbackServer.Reply;

@DisplayName("OpenAiCompatibleClient: the model list and JSON-in-JSON errors")
class ModelListAndNestedErrorTest {

    static final String CANARY = "sk-canary-7c1e0f-DO-NOT-LEAK";

    LoopbackServer server;
    OpenAiCompatibleClient client;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        client = OpenAiCompatibleClient.builder()
                .baseUri(server.baseUri())
                .httpClient(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build())
                .headers(() -> Map.of("Authorization", "Bearer " + CANARY))
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    @DisplayName("listModels()")
    class ListModels {

        @Test
        @DisplayName("GETs {base}/models with the headers and reads OpenAI's list, keeping unmodelled fields")
        void openAiList() {
            server.reply(Reply.json(
                    200,
                    "{\"object\":\"list\",\"data\":[{\"id\":\"zai.glm-4.7\",\"created\":1769558400,"
                            + "\"object\":\"model\",\"owned_by\":\"system\",\"region\":\"us-west-2\"}]}",
                    Map.of()));
            assertThat(client.listModels())
                    .containsExactly(new Model(
                            "zai.glm-4.7",
                            "model",
                            1769558400L,
                            "system",
                            Map.of("region", tools.jackson.databind.node.StringNode.valueOf("us-west-2"))));
            assertThat(server.received).singleElement().satisfies(received -> {
                assertThat(received.method()).isEqualTo("GET");
                assertThat(received.path()).isEqualTo("/v1/models");
                assertThat(received.headers().get("Authorization")).containsExactly("Bearer " + CANARY);
            });
            assertThat(client.modelsUri().toString()).endsWith("/v1/models");
        }

        @Test
        @DisplayName("also reads a bare list")
        void bareList() {
            server.reply(Reply.json(200, "[{\"id\":\"a\"},{\"id\":\"b\"}]", Map.of()));
            assertThat(client.listModels()).extracting(Model::id).containsExactly("a", "b");
        }

        @Test
        @DisplayName("says what is wrong with an answer that is not a model list")
        void notAList() {
            server.reply(Reply.json(200, "{\"object\":\"list\"}", Map.of()));
            assertThat(catchThrowableOfType(OpenAiProtocolException.class, client::listModels))
                    .hasMessageContaining("GET " + server.baseUri() + "/models answered without a model list");
            server.reply(Reply.json(200, "[{\"name\":\"x\"}]", Map.of()));
            assertThat(catchThrowableOfType(OpenAiProtocolException.class, client::listModels))
                    .hasMessageContaining("model entry 0 without a string \"id\"");
        }
    }

    @Nested
    @DisplayName("an error whose message is itself a JSON error body")
    class NestedError {

        static final String BEDROCK_400 =
                "{\"error\":{\"message\":\"{\\\"error\\\":{\\\"code\\\":\\\"validation_error\\\","
                        + "\\\"message\\\":\\\"Model does not support image modality\\\",\\\"param\\\":null,\\\"type\\\":"
                        + "\\\"invalid_request_error\\\"}}\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"validation_error\"}}";

        @Test
        @DisplayName("is unwrapped to the inner message and code; the raw body stays as received")
        void unwrapped() {
            server.reply(Reply.json(400, BEDROCK_400, Map.of("x-amzn-RequestId", "req-1")));
            OpenAiHttpException e = catchThrowableOfType(
                    OpenAiHttpException.class,
                    () -> client.createChatCompletion(
                            ChatCompletionRequest.builder("m").user("x").build()));
            assertThat(e.errorMessage()).contains("Model does not support image modality");
            assertThat(e.errorCode()).contains("validation_error");
            assertThat(e.errorBody()).isEqualTo(BEDROCK_400);
            assertThat(e.requestId()).contains("req-1");
            assertThat(e.getMessage())
                    .endsWith("answered HTTP 400: Model does not support image modality (request id req-1)");
        }

        @Test
        @DisplayName("a message that only looks like JSON is kept as it is")
        void notReallyJson() {
            server.reply(Reply.json(400, "{\"error\":{\"message\":\"{not json\",\"code\":7}}", Map.of()));
            OpenAiHttpException e = catchThrowableOfType(
                    OpenAiHttpException.class,
                    () -> client.createChatCompletion(
                            ChatCompletionRequest.builder("m").user("x").build()));
            assertThat(e.errorMessage()).contains("{not json");
            assertThat(e.errorCode()).contains("7");
        }

        @Test
        @DisplayName("a credential echoed inside the nested message is removed before it is read")
        void scrubbed() {
            server.reply(Reply.json(
                    400,
                    "{\"error\":{\"message\":\"{\\\"error\\\":{\\\"message\\\":\\\"bad token " + CANARY + "\\\"}}\"}}",
                    Map.of()));
            OpenAiHttpException e = catchThrowableOfType(
                    OpenAiHttpException.class,
                    () -> client.createChatCompletion(
                            ChatCompletionRequest.builder("m").user("x").build()));
            assertThat(e.errorMessage()).contains("bad token REDACTED");
            assertThat(e.getMessage()).doesNotContain(CANARY);
        }
    }
}
