package dev.replayharness.bedrock.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
        String system = "";
        List<String> users = new ArrayList<>();
        int promptTokens = 3;
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asString("");
            promptTokens += 4 + Answer.tokens(content);
            switch (message.path("role").asString("")) {
                case "system" -> system = content;
                case "user" -> users.add(content);
                default -> { }
            }
        }
        Answer answer = Answers.answer(system, users);
        String id = "chatcmpl-" + sha256(text).substring(0, 24);
        String model = body.path("model").asString();
        if (body.path("stream").asBoolean(false)) {
            boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
            stream(exchange, EmulatorJson.chunks(id, model, answer, promptTokens, usage, fillerChunks), pause, onAbort);
        } else {
            BedrockEmulator.send(exchange, ScriptedResponse.of(200, EmulatorJson.completion(id, model, answer, promptTokens)));
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
