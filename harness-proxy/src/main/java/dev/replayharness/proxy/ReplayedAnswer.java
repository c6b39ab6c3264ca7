package dev.replayharness.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.replay.ReplayedResponse;

/** A replayed response written to the proxy's client: headers, then one write and flush per recorded chunk. */
final class ReplayedAnswer {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());
    private static final int BUFFER = 16 * 1024;

    private ReplayedAnswer() {}

    /** Writes {@code recorded} to the client as the upstream would have, one write and flush per recorded chunk. */
    static void write(
            Request request,
            Response response,
            Callback callback,
            String namespace,
            Supplier<String> what,
            HarnessSession session,
            ReplayedResponse recorded) {
        ReplayedResponse replayed =
                HopByHop.acceptsEncoding(request, recorded.headers().first("content-encoding"))
                        ? recorded.encodedForWire()
                        : recorded.decoded();
        response.setStatus(replayed.status());
        replayed.headers().asMap().forEach((name, values) -> {
            if (!HopByHop.isDropped(name, Set.of())) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        response.getHeaders()
                .put(
                        ReplayProxy.RECORDING_HEADER,
                        namespace + "/" + replayed.file().getFileName());
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        if (!head
                && !replayed.headers().isEventStream()
                && replayed.interruption().isEmpty()) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, replayed.contentLength());
        }
        if (head) {
            callback.succeeded();
            return;
        }
        byte[] buffer = new byte[BUFFER];
        try (InputStream body = replayed.openBody(session.sleeper())) { // one recorded chunk (SSE event) per read
            while (true) {
                int n;
                try {
                    n = body.read(buffer, 0, buffer.length);
                } catch (IOException recordedInterruption) { // the recording ends in an error: so does this response
                    LOG.log(
                            Level.DEBUG,
                            () -> "Replay Harness proxy: replayed interruption for " + request.getMethod() + " "
                                    + what.get());
                    failMidBody(response, callback, recordedInterruption, recordedInterruption.getMessage());
                    return;
                }
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    Content.Sink.write(
                            response, false, ByteBuffer.wrap(buffer, 0, n)); // blocks until sent: one flush per chunk
                }
            }
        } catch (IOException clientGone) {
            LOG.log(
                    Level.DEBUG,
                    () -> "Replay Harness proxy: client left during the replay of " + request.getMethod() + " "
                            + what.get());
            callback.failed(clientGone);
            return;
        }
        callback.succeeded();
    }

    static void failMidBody(Response response, Callback callback, IOException failure, String message) {
        if (response.isCommitted()) {
            callback.failed(failure);
            return;
        }
        response.reset();
        JsonBodies.send(
                response,
                callback,
                502,
                JsonBodies.error("upstream_error", message),
                Map.of(ReplayProxy.ERROR_HEADER, "upstream-error", "X-Should-Retry", "false"));
    }
}
