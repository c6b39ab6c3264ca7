package dev.replayharness.server.internal;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (a malformed HTTP request, a request arriving while the server shuts
 * down) in the same OpenAI error shape as the API's own, never as an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        String text = status == 503
                ? "The server is shutting down and takes no new requests; retry against a running server."
                : "HTTP " + status + " " + HttpStatus.getMessage(status) + (message == null ? "" : ": " + message);
        String type = status == 503 ? "api_error" : "invalid_request_error";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(
                response, true, ServerJson.write(ApiError.body(text, type, null, "http_" + status)), callback);
        return true;
    }
}
