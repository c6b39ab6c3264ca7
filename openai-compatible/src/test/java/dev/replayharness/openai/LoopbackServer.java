package dev.replayharness.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 answering with scripted responses, recording what it received. */
final class LoopbackServer implements AutoCloseable {

    /** A response to send. With {@code chunks}, each chunk is flushed after {@code pauseMillis}. */
    record Reply(int status, Map<String, String> headers, List<String> chunks, long pauseMillis) {
        static Reply json(int status, String body, Map<String, String> headers) {
            return new Reply(status, headers, List.of(body), 0);
        }
    }

    /** What the server received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final CountDownLatch clientGone = new CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    LoopbackServer reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.json(500, "{\"message\":\"no scripted reply\"}", Map.of());
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String chunk : reply.chunks()) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (reply.pauseMillis() > 0) {
                    Thread.sleep(reply.pauseMillis());
                }
            }
        } catch (IOException e) {
            clientGone.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    boolean awaitClientGone() throws InterruptedException {
        return clientGone.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
