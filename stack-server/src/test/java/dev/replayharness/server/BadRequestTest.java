package dev.replayharness.server;

import static dev.replayharness.server.StackServerTest.MODEL;
import static dev.replayharness.server.StackServerTest.ask;
import static dev.replayharness.server.StackServerTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.replayharness.core.Mode;

import tools.jackson.databind.JsonNode;

/** Each malformed chat request gets a 4xx OpenAI error naming the field; nothing is sent; the server goes on. */
class BadRequestTest {

    @TempDir
    static Path dir;

    static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(dir, Mode.RECORD, dir.resolve("recordings"), builder -> {});
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("{\"model\": ", 400, null, "not valid JSON at line 1"),
                Arguments.of("", 400, null, "The request body is empty"),
                Arguments.of("[1, 2]", 400, null, "must be a JSON object, not a list"),
                Arguments.of(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", 400, "model", "has no \"model\""),
                Arguments.of(
                        "{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                        400,
                        "model",
                        "must be a non-empty string (a model id from GET /v1/models), not the number 7"),
                Arguments.of(
                        "{\"model\":\"bedrock/nope\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                        404,
                        "model",
                        "'bedrock/nope' is not registered in this stack; registered: [" + MODEL + "]"),
                Arguments.of("{\"model\":\"" + MODEL + "\"}", 400, "messages", "has no \"messages\""),
                Arguments.of(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[]}", 400, "messages", "must be a non-empty list"),
                Arguments.of(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"robot\",\"content\":\"Hi\"}]}",
                        400,
                        "messages[0].role",
                        "messages[0].role must be one of"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}",
                        400,
                        "messages[0].content[0].text",
                        "messages[0].content[0] is a text part without a string \"text\""),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}",
                        400,
                        "messages[0].content[0].image_url",
                        "is an image_url part without \"image_url\": {\"url\""),
                Arguments.of(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":7}]}",
                        400,
                        "messages[0].content",
                        "must be a string or a list of parts"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"1\"}]}",
                        400,
                        "messages[0].tool_call_id",
                        "'c1' answers no tool call of an earlier assistant message"),
                Arguments.of(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"tool\",\"content\":\"1\"}]}",
                        400,
                        "messages[0].tool_call_id",
                        "is a tool message without \"tool_call_id\""),
                Arguments.of(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"assistant\",\"content\":null,"
                                + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":{}}}]}]}",
                        400,
                        "messages[0].tool_calls[0]",
                        "\"function.arguments\" (the arguments as a JSON text)"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":{}}",
                        400,
                        "tools",
                        "\"tools\" must be a list of"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":[{\"type\":\"function\"}]}",
                        400,
                        "tools[0]",
                        "a function tool with a name"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tool_choice\":\"always\"}",
                        400,
                        "tool_choice",
                        "must be \"none\", \"auto\", \"required\" or"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tool_choice\":"
                                + "{\"type\":\"function\",\"function\":{\"name\":\"fly\"}}}",
                        400,
                        "tool_choice",
                        "names the function fly, which is not in"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"top_logprobs\":99}",
                        400,
                        "top_logprobs",
                        "must be an integer from 0 to 20"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":\"yes\"}",
                        400,
                        "stream",
                        "\"stream\" must be true or false, not the string \"yes\""),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":\"hot\"}",
                        400,
                        "temperature",
                        "\"temperature\" must be a number between 0 and 2"),
                Arguments.of(
                        "{\"model\":\"" + MODEL
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":-1}",
                        400,
                        "max_tokens",
                        "it must be a positive integer"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsGetAClearOpenAiErrorAndTheServerKeepsServing(
            String body, int status, String param, String message) {
        int stored = stack.server.store().count();
        int sent = stack.emulator.requestCount();
        HttpResponse<String> response = stack.post("/v1/chat/completions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = error(response);
        assertThat(error.get("message").asString()).contains(message);
        assertThat(error.get("param").isNull() ? null : error.get("param").asString())
                .isEqualTo(param);
        assertThat(stack.emulator.requestCount()).as("nothing sent upstream").isEqualTo(sent);
        assertThat(stack.post("/v1/chat/completions", ask("still serving " + message.hashCode(), false))
                        .statusCode())
                .isEqualTo(200);
        assertThat(stack.server.store().count()).isEqualTo(stored + 1);
    }
}
