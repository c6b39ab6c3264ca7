package dev.replayharness.generic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible server on loopback, shaped like a local Ollama at {@code /v1}: it answers
 * {@code "You said: <last user message>"}, streamed word by word when asked. Like a real server it
 * stamps every answer with a fresh id and the current time, which the recordings normalize away.
 */
public final class LocalChatServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private LocalChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    public static LocalChatServer start() {
        try {
            return new LocalChatServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot start the local chat server: " + e.getMessage(), e);
        }
    }

    /** The API root, {@code http://127.0.0.1:<port>/v1}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = request.path("model").asString("");
            if (!model.equals("echo-1")) {
                send(
                        exchange,
                        404,
                        "application/json",
                        "{\"error\":{\"message\":\"model '" + model + "' not found\",\"type\":\"not_found\"}}");
                return;
            }
            JsonNode messages = request.path("messages");
            String said = messages.size() == 0
                    ? ""
                    : messages.get(messages.size() - 1).path("content").asString("");
            String answer = "You said: " + said;
            String id = "chatcmpl-" + UUID.randomUUID();
            long created = System.currentTimeMillis() / 1000;
            if (!request.path("stream").asBoolean(false)) {
                ObjectNode body = completion(id, created, model, "chat.completion");
                body.putArray("choices")
                        .addObject()
                        .put("index", 0)
                        .put("finish_reason", "stop")
                        .putObject("message")
                        .put("role", "assistant")
                        .put("content", answer);
                send(exchange, 200, "application/json", JSON.writeValueAsString(body));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String[] words = answer.split("(?<= )");
            for (int i = 0; i <= words.length; i++) {
                ObjectNode chunk = completion(id, created, model, "chat.completion.chunk");
                ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
                ObjectNode delta = choice.putObject("delta");
                if (i < words.length) {
                    delta.put("content", words[i]);
                    choice.putNull("finish_reason");
                } else {
                    choice.put("finish_reason", "stop");
                }
                out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        }
    }

    private static ObjectNode completion(String id, long created, String model, String object) {
        ObjectNode node = JSON.createObjectNode();
        return node.put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
