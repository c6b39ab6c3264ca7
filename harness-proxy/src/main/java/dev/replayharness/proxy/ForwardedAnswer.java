package dev.replayharness.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;

/**
 * An upstream answer forwarded to the proxy's client: the request sent through {@code java.net.http}, then
 * the status, the end-to-end headers and each body chunk written to the client as it arrives, teed into
 * the recording by a {@link RecordingInputStream} (which drains the rest into it if the client leaves).
 * The replay side is {@link ReplayedAnswer}.
 */
final class ForwardedAnswer {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());
    private static final int BUFFER = 16 * 1024;

    private final HttpClient client;
    private final URI upstream;
    private final ProxyErrors errors;

    ForwardedAnswer(HttpClient client, URI upstream, ProxyErrors errors) {
        this.client = client;
        this.upstream = upstream;
        this.errors = errors;
    }

    /**
     * Sends {@code outgoing} upstream and streams the answer to the client, teed into {@code recorder} when
     * one is given; {@code what} names the exchange (method and redacted path) in messages.
     */
    void write(
            Response response,
            Callback callback,
            HarnessSession session,
            OutgoingRequest outgoing,
            Optional<ResponseRecorder> recorder,
            Supplier<String> what,
            String testId) {
        String method = outgoing.method();
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(upstreamRequest(outgoing), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | RuntimeException e) {
            recorder.ifPresent(r -> r.failed(e)); // nothing is recorded, but the recorder must end
            errors.unreachable(response, callback, what.get(), session, e, testId);
            return;
        } catch (InterruptedException e) {
            recorder.ifPresent(r -> r.failed(e));
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        }
        recorder.ifPresent(
                r -> r.started(answer.statusCode(), Headers.of(answer.headers().map())));
        InputStream upstreamBody = recorder.<InputStream>map(r -> new RecordingInputStream(answer.body(), r))
                .orElse(answer.body());
        response.setStatus(answer.statusCode());
        Set<String> connectionNamed =
                HopByHop.namedByConnection(answer.headers().allValues("connection"));
        answer.headers().map().forEach((name, values) -> {
            if (!HopByHop.isDropped(name, connectionNamed)) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        if (!method.equals("HEAD")) { // the bytes pass unchanged, so the upstream's length holds
            answer.headers()
                    .firstValue("content-length")
                    .ifPresent(length -> response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length));
        }
        byte[] buffer = new byte[BUFFER];
        IOException clientGone = null;
        try (InputStream in = upstreamBody) { // closing early drains the rest into the recording
            while (true) {
                int n;
                try {
                    n = in.read(buffer, 0, buffer.length);
                } catch (IOException upstreamFailed) { // recorded as interrupted by the RecordingInputStream
                    String message = "Replay Harness proxy: the upstream " + upstream + " failed mid-response for "
                            + what.get() + ": "
                            + session.redact(String.valueOf(upstreamFailed));
                    LOG.log(Level.WARNING, message + ProxiedExchange.testSuffix(testId));
                    ReplayedAnswer.failMidBody(response, callback, upstreamFailed, message);
                    return;
                }
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                try {
                    Content.Sink.write(
                            response, false, ByteBuffer.wrap(buffer, 0, n)); // blocks until sent: a flush per chunk
                } catch (IOException e) {
                    clientGone = e;
                    if (recorder.isPresent()) {
                        LOG.log(
                                Level.INFO,
                                "Replay Harness proxy: the client left during " + what.get()
                                        + ProxiedExchange.testSuffix(testId)
                                        + "; draining the rest of the upstream response into the recording");
                    }
                    break;
                }
            }
        } catch (IOException closeFailed) {
            LOG.log(
                    Level.DEBUG,
                    () -> "Replay Harness proxy: closing the upstream body failed: "
                            + closeFailed.getClass().getName());
        }
        if (clientGone != null) {
            callback.failed(clientGone);
        } else {
            callback.succeeded();
        }
    }

    /** The upstream request: the client's method, body and forwarded headers, aimed at its URI. */
    private static HttpRequest upstreamRequest(OutgoingRequest outgoing) {
        byte[] body = outgoing.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(outgoing.uri())
                .method(
                        outgoing.method(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        outgoing.headers().asMap().forEach((name, values) -> {
            for (String value : values) {
                try {
                    builder.header(name, value);
                } catch (IllegalArgumentException restricted) { // a header java.net.http sets itself
                    LOG.log(
                            Level.DEBUG,
                            () -> "Replay Harness proxy: not forwarding header " + name
                                    + " (java.net.http does not allow it)");
                }
            }
        });
        return builder.build();
    }
}
