package dev.replayharness.bedrock.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;

/** Answers an authenticated chat request: a completion, or an SSE stream. */
final class ChatResponder {

    private ChatResponder() {}

    static void respond(HttpExchange exchange, String text, Duration pause, int fillerChunks, Runnable onAbort)
            throws IOException {
        RequestCheck.ParsedOrRefused parsed = RequestCheck.body(text);
        if (parsed.refusal() != null) {
            BedrockEmulator.send(exchange, parsed.refusal());
            return;
        }
        JsonNode body = parsed.body();
        Conversation conversation = Conversation.of(body);
        String id = "chatcmpl-" + ToolCall.sha256(text).substring(0, 24);
        List<ToolCall> calls = ToolPlanner.plan(body, conversation, id);
        Answer answer = calls.isEmpty() ? Answers.answer(conversation) : Answer.calling(calls);
        String model = body.path("model").asString();
        ResponseOptions options = ResponseOptions.of(body);
        if (body.path("stream").asBoolean(false)) {
            stream(
                    exchange,
                    StreamChunks.of(id, model, answer, conversation.promptTokens(), options, fillerChunks),
                    pause,
                    onAbort);
        } else {
            BedrockEmulator.send(
                    exchange,
                    ScriptedResponse.of(
                            200, EmulatorJson.completion(id, model, answer, conversation.promptTokens(), options)));
        }
    }

    private static void stream(HttpExchange exchange, List<String> chunks, Duration pause, Runnable onAbort)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (String chunk : chunks) {
                write(out, "data: " + chunk + "\n\n");
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis()); // scripted pause: the only sleep in the tests
                }
            }
            write(out, "data: [DONE]\n\n");
            out.close();
        } catch (IOException clientWentAway) {
            onAbort.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush(); // each event leaves at once, as Bedrock's do
    }
}
