package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;
import dev.replayharness.server.internal.StackHandler;

/** {@code serve} injects the fault a request's X-Replay-Harness-Fault header declares into its provider calls. */
@DisplayName("serve honours X-Replay-Harness-Fault")
class ServeFaultTest {
    @TempDir
    Path dir;

    TestStack stack;

    @BeforeEach
    void start() {
        stack = TestStack.start(dir, Mode.RECORD, dir.resolve("recordings"), builder -> {});
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    HttpResponse<String> chat(String fault) {
        return stack.send(HttpRequest.newBuilder(stack.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header(StackHandler.FAULT_HEADER, fault)
                .POST(HttpRequest.BodyPublishers.ofString(StackServerTest.ask("Hello, world!", false)))
                .build());
    }

    @Test
    @DisplayName("a 429 on the first provider call: the Bedrock client retries, the client gets the answer, and"
            + " the provider saw one request")
    void retried() {
        HttpResponse<String> response = chat("status=429;retry-after=0s;nth=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stack.emulator.requests()).hasSize(1);
    }

    @Test
    @DisplayName("an expired key on every call: the client gets serve's 401, and the provider saw nothing")
    void expiredKey() {
        HttpResponse<String> response = chat("status=401;body={\"Message\":\"Bearer Token has expired\"}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("expired");
        assertThat(stack.emulator.requests()).isEmpty();
    }

    @Test
    @DisplayName("a declaration it cannot read: 400 naming it")
    void bad() {
        HttpResponse<String> response = chat("explode");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Fault 'explode'").contains("unknown fault kind 'explode'");
    }
}
