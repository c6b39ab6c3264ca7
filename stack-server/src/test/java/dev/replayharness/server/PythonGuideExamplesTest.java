package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of the Bedrock guide's Python SDK examples 1–6 ({@code client.chat.completions.create(…)}
 * sends the keyword arguments as the JSON body, nothing more), against {@code serve} with the committed
 * recordings: replay by default; {@code -Dharness.mode=record} records them from the Bedrock emulator.
 * {@link NodeGuideExamplesTest} runs the same examples through Node's {@code openai} package.
 */
@DisplayName("The guide's Python SDK examples, as the SDK sends them, replay through serve")
class PythonGuideExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "bedrock/openai.gpt-oss-20b-1:0";

    @TempDir
    static Path dir;

    static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(
                dir,
                null,
                TestStack.repositoryRecordings(),
                builder -> builder.onRecordingUse(use -> {
                    if (use.file() != null) {
                        ReplayReport.used(PythonGuideExamplesTest.class, use.file());
                    }
                }));
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
            ReplayReport.write(stack.server.harness().mode().value());
        }
    }

    private static String create(String messages, String more) {
        return "{\"model\": \"" + MODEL + "\", \"messages\": " + messages + more + "}";
    }

    private static String user(String content) {
        return "[{\"role\": \"user\", \"content\": \"" + content + "\"}]";
    }

    private static JsonNode completion(String body) {
        HttpResponse<String> response = stack.post("/v1/chat/completions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String content(JsonNode completion) {
        return completion.at("/choices/0/message/content").asString();
    }

    @Test
    @DisplayName("1: which planet — Earth, with the tokens used")
    void example1() {
        JsonNode response = completion(create(user("Which planet do humans live on?"), ", \"stream\": false"));
        assertThat(content(response)).contains("Humans live on **Earth**");
        assertThat(response.at("/usage/total_tokens").asInt()).isPositive();
    }

    @Test
    @DisplayName("2: streamed, the Sun in Latin — Sol")
    void example2() {
        HttpResponse<String> response = stack.post(
                "/v1/chat/completions", create(user("What's the name of the Sun in Latin?"), ", \"stream\": true"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                text.append(JSON.readTree(line.substring(6))
                        .at("/choices/0/delta/content")
                        .asString(""));
            }
        }
        assertThat(text.toString()).endsWith("The Latin name for the Sun is **Sol**.");
    }

    @Test
    @DisplayName("3: the longer multi-turn — the name Alice is retained")
    void example3() {
        String conversation = "[{\"role\": \"user\", \"content\": \"My name is Alice\"}, {\"role\": \"assistant\","
                + " \"content\": \"Nice to meet you, Alice! How can I help you today?\"}, {\"role\": \"user\","
                + " \"content\": \"What is my name?\"}]";
        assertThat(content(completion(create(conversation, ", \"stream\": false"))))
                .contains("Alice");
    }

    @Test
    @DisplayName("4: the Shakespeare system message — Shakespearean English")
    void example4() {
        String messages = "[{\"role\": \"system\", \"content\": \"You are Shakespeare. Respond only in Shakespearean"
                + " English.\"}, {\"role\": \"user\", \"content\": \"Tell me about the weather today\"}]";
        assertThat(content(completion(create(messages, ", \"stream\": false")))).contains("Thou speakest");
    }

    @Test
    @DisplayName("5: a haiku at temperature 0.1 / max 50 tokens and at 0.9 / top_p 0.95 / max 50 tokens")
    void example5() {
        String haiku = user("Write a haiku about coding");
        String low =
                content(completion(create(haiku, ", \"temperature\": 0.1, \"max_tokens\": 50, \"stream\": false")));
        String high = content(completion(
                create(haiku, ", \"temperature\": 0.9, \"top_p\": 0.95, \"max_tokens\": 50, \"stream\": false")));
        assertThat(low).contains("Lines of logic flow");
        assertThat(high).contains("Lines of logic flow");
    }

    @Test
    @DisplayName("6: the error-handling wrapper's Hello! — an answer, not None")
    void example6() {
        assertThat(content(completion(create(user("Hello!"), ", \"stream\": false"))))
                .isNotBlank();
    }
}
