package dev.replayharness.bedrock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Pins the emulator itself with a bare HTTP client, so the provider is not checked against itself. */
@DisplayName("The Bedrock emulator")
class BedrockEmulatorTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String HELLO = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello, world!\"}]";

    BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("answers deterministically")
    class Deterministic {

        @Test
        @DisplayName("the same request gets a byte-identical body, with a fresh x-amzn-RequestId")
        void sameBytes() throws Exception {
            HttpResponse<String> first = post(HELLO + "}", "k");
            HttpResponse<String> second = post(HELLO + "}", "k");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(first.body()).startsWith("{\"id\":\"chatcmpl-").contains("\"created\":1735689600")
                    .contains("\"content\":\"<reasoning>The user greets me. Greet them back and offer help.</reasoning>"
                            + "Hello! 👋 How can I help you today?\"");
            assertThat(first.headers().firstValue("x-amzn-RequestId")).contains(emulator.requests().get(0).requestId());
            assertThat(emulator.requests().get(1).requestId()).isNotEqualTo(emulator.requests().get(0).requestId());
            assertThat(emulator.requestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("streams in Bedrock's shape: role chunk, whole reasoning blocks, content, empty stop chunk, usage, [DONE]")
        void streamShape() throws Exception {
            String body = post(HELLO + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}", "k").body();
            List<String> events = List.of(body.split("\n\n"));
            assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: "));
            assertThat(events.get(0)).contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null");
            assertThat(events.get(1)).contains("\"delta\":{\"content\":\"<reasoning>The user greets me. </reasoning>\"}");
            assertThat(events.get(2)).contains("\"delta\":{\"content\":\"<reasoning>Greet them back and offer help."
                    + "</reasoning>\"}");
            assertThat(events.get(events.size() - 3)).contains("\"delta\":{},\"finish_reason\":\"stop\"");
            assertThat(events.get(events.size() - 2)).contains("\"choices\":[],\"usage\":{\"prompt_tokens\":");
            assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        }
    }

    @Nested
    @DisplayName("refuses like Bedrock")
    class Refusals {

        @Test
        @DisplayName("401 without a bearer token, and 'Bearer Token has expired' for an expired one")
        void auth() throws Exception {
            assertThat(post(HELLO + "}", null)).satisfies(response -> {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.body()).startsWith("{\"message\":");
            });
            assertThat(post(HELLO + "}", "key-expired").body()).isEqualTo("{\"Message\":\"Bearer Token has expired\"}");
        }

        @Test
        @DisplayName("404 for an unknown model, 400 for tools and for unknown fields")
        void body() throws Exception {
            assertThat(post(HELLO.replace("openai.gpt-oss-20b-1:0", "bedrock/openai.gpt-oss-20b-1:0") + "}", "k")
                    .statusCode()).isEqualTo(404);
            assertThat(post(HELLO + ",\"tools\":[]}", "k").statusCode()).isEqualTo(400);
            assertThat(post(HELLO + ",\"colour\":\"blue\"}", "k").body()).contains("Unrecognized request field: colour");
        }

        @Test
        @DisplayName("scripted answers first, in order")
        void scripted() throws Exception {
            emulator.enqueue(ScriptedResponse.throttled("2"), ScriptedResponse.unavailable(null));
            HttpResponse<String> throttled = post(HELLO + "}", "k");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
            assertThat(post(HELLO + "}", "k").statusCode()).isEqualTo(503);
            assertThat(post(HELLO + "}", "k").statusCode()).isEqualTo(200);
        }
    }
}
