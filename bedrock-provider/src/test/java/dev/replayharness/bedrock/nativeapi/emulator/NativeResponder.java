package dev.replayharness.bedrock.nativeapi.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Answers one routed request: the operation's JSON, its event stream, or a fault in Bedrock's shape. */
final class NativeResponder {
    private final HttpExchange exchange;
    private final String model;
    private final String operation;
    private final long started;
    private final StreamGate gate;

    NativeResponder(HttpExchange exchange, String model, String operation, long started, StreamGate gate) {
        this.exchange = exchange;
        this.model = model;
        this.operation = operation;
        this.started = started;
        this.gate = gate;
    }

    static void unknownOperation(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders()
                .add(
                        "x-amzn-ErrorType",
                        "UnknownOperationException:http://internal.amazon.com/coral/com.amazon.coral.service/");
        send(exchange, 404, "application/json", "{\"message\":\"Unknown operation\"}");
    }

    void respond(String text, NativeFault fault) throws IOException {
        boolean streaming = operation.endsWith("stream");
        if (fault != null && (!fault.inStream() || !streaming)) {
            error(fault);
            return;
        }
        JsonNode body;
        try {
            body = NativeJson.MAPPER.readTree(text);
        } catch (JacksonException notJson) {
            error(NativeFault.http(NativeFault.Kind.VALIDATION));
            return;
        }
        boolean converse = operation.startsWith("converse");
        NativeConversation conversation =
                converse ? NativeConversation.ofConverse(body) : NativeConversation.ofInvoke(body);
        if (conversation.userTexts().isEmpty() && conversation.toolResults().isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", NativeFault.Kind.VALIDATION.errorTypeHeader());
            send(
                    exchange,
                    400,
                    "application/json",
                    "{\"message\":\"A conversation must start with a user message. "
                            + "Try again with a conversation that starts with a user message.\"}");
            return;
        }
        String digest = digest(text);
        NativeAnswer answer = NativeAnswer.to(conversation, digest);
        int input = conversation.inputTokens();
        switch (operation) {
            case "converse" -> send(exchange, 200, "application/json", ConverseReply.json(answer, input, latency()));
            case "converse-stream" -> {
                List<byte[]> frames = new ArrayList<>();
                for (ConverseReply.Event event : ConverseReply.events(answer, input, latency())) {
                    frames.add(EventFrames.event(event.type(), event.payload()));
                }
                stream(frames, fault);
            }
            case "invoke" -> {
                exchange.getResponseHeaders().add("X-Amzn-Bedrock-Input-Token-Count", String.valueOf(input));
                exchange.getResponseHeaders()
                        .add("X-Amzn-Bedrock-Output-Token-Count", String.valueOf(ConverseReply.outputTokens(answer)));
                exchange.getResponseHeaders().add("X-Amzn-Bedrock-Invocation-Latency", String.valueOf(latency()));
                send(
                        exchange,
                        200,
                        "application/json",
                        InvokeReply.json("chatcmpl-" + digest.substring(0, 24), model, answer, input));
            }
            default -> {
                List<byte[]> frames = new ArrayList<>();
                for (var chunk :
                        InvokeReply.chunks("chatcmpl-" + digest.substring(0, 24), model, answer, input, latency())) {
                    frames.add(EventFrames.event("chunk", chunk));
                }
                stream(frames, fault);
            }
        }
    }

    private void error(NativeFault fault) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.kind().errorTypeHeader());
        send(exchange, fault.kind().status(), "application/json", fault.body());
    }

    /** Sends the frames one by one, flushed, stopping with the fault's exception frame if there is one. */
    private void stream(List<byte[]> frames, NativeFault fault) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", EventFrames.CONTENT_TYPE);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int limit = fault == null ? frames.size() : Math.min(fault.framesBefore(), frames.size());
        try {
            for (int i = 0; i < limit; i++) {
                out.write(frames.get(i));
                out.flush();
                gate.afterFrame(i + 1);
            }
            if (fault != null) {
                out.write(EventFrames.exception(fault));
            }
            out.close();
        } catch (IOException clientWentAway) {
            // the caller stopped reading: nothing more to send
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long latency() {
        return Math.max(1, (System.nanoTime() - started) / 1_000_000);
    }

    private static String digest(String text) {
        try {
            byte[] hash =
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
