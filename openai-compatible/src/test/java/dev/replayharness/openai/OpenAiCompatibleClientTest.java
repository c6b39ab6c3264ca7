package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.openai.LoopbackServer.Received;
import dev.replayharness.openai.LoopbackServer.Reply;

@DisplayName("OpenAiCompatibleClient")
class OpenAiCompatibleClientTest {

    static final String CANARY = "sk-canary-7c1e0f-DO-NOT-LEAK";
    static final String COMPLETION = """
            {"id":"c1","object":"chat.completion","created":0,"model":"m",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"<reasoning>r</reasoning>Hi"}}],
             "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}""";

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

    static ChatCompletionRequest hello() {
        return ChatCompletionRequest.builder("m").user("Hello").build();
    }

    @Nested
    @DisplayName("sends")
    class Sending {

        @Test
        @DisplayName("a JSON POST to {base}/chat/completions with the supplied headers")
        void post() {
            server.reply(Reply.json(200, COMPLETION, Map.of("Content-Type", "application/json")));
            ChatCompletion completion = client.createChatCompletion(hello());

            assertThat(completion.content()).isEqualTo("Hi");
            Received received = server.received.get(0);
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.path()).isEqualTo("/v1/chat/completions");
            assertThat(received.headers().get("Authorization")).containsExactly("Bearer " + CANARY);
            assertThat(received.headers().get("Content-type")).containsExactly("application/json");
            assertThat(received.body())
                    .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
        }

        @Test
        @DisplayName("stream=true and Accept: text/event-stream when streaming")
        void streamFlag() {
            server.reply(new Reply(
                    200,
                    Map.of("Content-Type", "text/event-stream"),
                    List.of(ChatCompletionStreamTest.REAL_SHAPES),
                    0));
            try (ChatCompletionStream stream = client.streamChatCompletion(hello())) {
                assertThat(stream.accumulate().content()).isEqualTo("Washington, D.C.");
            }
            assertThat(server.received.get(0).body()).endsWith(",\"stream\":true}");
            assertThat(server.received.get(0).headers().get("Accept")).containsExactly("text/event-stream");
        }

        @Test
        @DisplayName("refuses a request whose stream flag contradicts the method")
        void contradictoryStreamFlag() {
            assertThatThrownBy(() -> client.createChatCompletion(hello().withStream(true)))
                    .hasMessageContaining("use streamChatCompletion");
            assertThatThrownBy(() -> client.streamChatCompletion(hello().withStream(false)))
                    .hasMessageContaining("use createChatCompletion");
            assertThat(server.received).isEmpty();
        }

        @Test
        @DisplayName("refuses a base URI that already names the endpoint")
        void baseUri() {
            assertThatThrownBy(() -> OpenAiCompatibleClient.builder()
                            .baseUri(URI.create("https://h/openai/v1/chat/completions"))
                            .httpClient(HttpClient.newHttpClient())
                            .build())
                    .hasMessageContaining("give the API root instead, e.g. https://h/openai/v1");
        }
    }

    @Nested
    @DisplayName("reports a non-2xx answer as OpenAiHttpException")
    class Errors {

        @Test
        @DisplayName("reading the message from {\"error\":{\"message\"}}, {\"message\"} and {\"Message\"}")
        void envelopes() {
            server.reply(Reply.json(
                            400,
                            "{\"error\":{\"message\":\"bad top_p\",\"type\":\"invalid_request_error\"}}",
                            Map.of()))
                    .reply(Reply.json(401, "{\"message\":\"Invalid API key\"}", Map.of()))
                    .reply(Reply.json(401, "{\"Message\":\"Bearer Token has expired\"}", Map.of()))
                    .reply(Reply.json(502, "<html>bad gateway</html>", Map.of()));
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                OpenAiHttpException e =
                        catchThrowableOfType(OpenAiHttpException.class, () -> client.createChatCompletion(hello()));
                messages.add(e.errorMessage().orElse("<none>"));
            }
            assertThat(messages).containsExactly("bad top_p", "Invalid API key", "Bearer Token has expired", "<none>");
        }

        @Test
        @DisplayName("carrying status, raw body, request id and Retry-After, with a message naming the endpoint")
        void details() {
            server.reply(Reply.json(
                    429, "{\"message\":\"slow down\"}", Map.of("x-amzn-RequestId", "req-123", "Retry-After", "7")));
            OpenAiHttpException e =
                    catchThrowableOfType(OpenAiHttpException.class, () -> client.createChatCompletion(hello()));
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.errorBody()).isEqualTo("{\"message\":\"slow down\"}");
            assertThat(e.requestId()).contains("req-123");
            assertThat(e.retryAfter()).contains("7");
            assertThat(e.getMessage())
                    .isEqualTo("POST " + server.baseUri()
                            + "/chat/completions answered HTTP 429: slow down (request id req-123)");
        }

        @Test
        @DisplayName("falling back to x-request-id, and doing the same for streams")
        void streamError() {
            server.reply(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}", Map.of("x-request-id", "r-9")));
            OpenAiHttpException e =
                    catchThrowableOfType(OpenAiHttpException.class, () -> client.streamChatCompletion(hello()));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.requestId()).contains("r-9");
            assertThat(e.errorMessage()).contains("overloaded");
        }

        @Test
        @DisplayName("never showing the bearer token, in messages or toString()")
        void noTokenLeak() {
            server.reply(Reply.json(401, "{\"message\":\"no\"}", Map.of()));
            OpenAiHttpException e =
                    catchThrowableOfType(OpenAiHttpException.class, () -> client.createChatCompletion(hello()));
            assertThat(e.toString()).doesNotContain(CANARY);
            assertThat(client.toString()).doesNotContain(CANARY);
            OpenAiTransportException down = catchThrowableOfType(
                    OpenAiTransportException.class,
                    () -> OpenAiCompatibleClient.builder()
                            .baseUri(URI.create("http://127.0.0.1:1/v1"))
                            .httpClient(HttpClient.newHttpClient())
                            .headers(() -> Map.of("Authorization", "Bearer " + CANARY))
                            .build()
                            .createChatCompletion(hello()));
            assertThat(down.toString()).doesNotContain(CANARY).contains("http://127.0.0.1:1/v1/chat/completions");
        }

        @Test
        @DisplayName("never showing the token when the server echoes it in its error body")
        void echoedToken() {
            String echo = "{\"error\":{\"message\":\"Invalid API key: Bearer " + CANARY + " was rejected\"}}";
            server.reply(Reply.json(401, echo, Map.of()));
            OpenAiHttpException e =
                    catchThrowableOfType(OpenAiHttpException.class, () -> client.createChatCompletion(hello()));
            assertThat(e.getMessage()).doesNotContain(CANARY).contains("Invalid API key: Bearer REDACTED was rejected");
            assertThat(e.errorBody()).doesNotContain(CANARY);
            server.reply(Reply.json(401, echo, Map.of()));
            OpenAiHttpException streamed = catchThrowableOfType(
                    OpenAiHttpException.class,
                    () -> client.streamChatCompletion(hello()).close());
            assertThat(streamed.getMessage()).doesNotContain(CANARY);
        }
    }

    @Nested
    @DisplayName("streams lazily")
    class Streaming {

        @Test
        @DisplayName("closing mid-stream closes the connection: the server sees the client go away")
        void earlyClose() throws InterruptedException {
            List<String> chunks = new ArrayList<>();
            chunks.add("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
            for (int i = 0; i < 500; i++) {
                chunks.add("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"}}]}\n\n");
            }
            server.reply(new Reply(200, Map.of("Content-Type", "text/event-stream"), chunks, 20));

            ChatCompletionStream stream = client.streamChatCompletion(hello());
            assertThat(stream.next().choices().get(0).delta().role()).isEqualTo("assistant");
            stream.close();

            assertThat(server.awaitClientGone())
                    .as("server saw the client disconnect")
                    .isTrue();
        }

        @Test
        @DisplayName("another thread can abandon a stream whose reader waits for a stalled server")
        void closeFromAnotherThread() throws Exception {
            server.reply(new Reply(
                    200,
                    Map.of("Content-Type", "text/event-stream"),
                    List.of(
                            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n",
                            "data: {\"choices\":[]}\n\n"),
                    120_000));
            ChatCompletionStream stream = client.streamChatCompletion(hello());
            stream.next();
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(stream::hasNext);

            // A liveness bound, not a performance claim: without the fix close() waits out the 120 s stall.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                stream.close();
                assertThat(reader.get()).isFalse();
            });
        }
    }
}
