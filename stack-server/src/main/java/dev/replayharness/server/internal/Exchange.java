package dev.replayharness.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import tools.jackson.databind.JsonNode;

/** One request and its response, with blocking helpers for the handlers. */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean completed;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    public Request request() {
        return request;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @throws ApiError 413 when the body is larger (from Content-Length before reading, or while reading)
     */
    public byte[] body(long limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(declared + " bytes", limit);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge("more than " + limit + " bytes", limit);
            }
            return bytes;
        }
    }

    private static ApiError tooLarge(String size, long limit) {
        return new ApiError(
                413,
                "invalid_request_error",
                "request_too_large",
                null,
                "The request body is " + size
                        + "; this server accepts at most " + limit
                        + " bytes. Send a shorter conversation, or start the server"
                        + " with a larger limit (--max-request-bytes / StackServer.Builder.maxRequestBytes).");
    }

    /** Sends a complete JSON response. */
    public void json(int status, JsonNode body) {
        send(status, "application/json", ServerJson.write(body));
    }

    /** Answers with an error body, or fails the exchange when the response has already started. */
    public void error(ApiError error, String redactedMessage) {
        if (response.isCommitted()) {
            abandon(error);
            return;
        }
        if (error.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, error.allow());
        }
        json(error.status(), ApiError.body(redactedMessage, error.type(), error.param(), error.code()));
    }

    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    private void send(int status, String contentType, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        completed = true;
        Content.Sink.write(response, true, text, callback);
    }

    /** Starts an SSE response: status 200 and event-stream headers, sent with the first event. */
    public void startEvents() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
    }

    /**
     * Writes one event and flushes it to the client.
     *
     * @throws IOException when the client has gone away
     */
    public void event(String data) throws IOException {
        // One data: line per line of the text: a relayed event may span lines, and a bare newline would end it early.
        String lines = String.join("\ndata: ", data.split("\r\n|\r|\n", -1));
        byte[] bytes = ("data: " + lines + "\n\n").getBytes(StandardCharsets.UTF_8);
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    /** Ends a streamed response normally. */
    public void endEvents() {
        completed = true;
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /** Ends a response whose client has gone away. */
    public void abandon(Throwable why) {
        completed = true;
        callback.failed(why);
    }

    public boolean completed() {
        return completed;
    }

    public boolean committed() {
        return response.isCommitted();
    }
}
