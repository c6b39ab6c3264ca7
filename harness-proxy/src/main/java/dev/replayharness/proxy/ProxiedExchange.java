package dev.replayharness.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.fault.FaultDeclarationException;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.recording.RecordingFormatException;

/**
 * A proxied exchange, run by the engine's {@link Exchange} driver: it reads the client's request (body,
 * test id, target), leases the test's session and answers with a replay ({@link ReplayedAnswer}: one
 * write and flush per recorded chunk) or an upstream call ({@link ForwardedAnswer}: each chunk written
 * to the client as it arrives and teed into the recording), or with the error answer for a miss or a
 * damaged recording. This class only translates between Jetty's request and the harness's.
 *
 * <p>Logs name the method, the redacted path and the test id; never a header value or a body.
 */
final class ProxiedExchange {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());

    private final Harness harness;
    private final URI upstream;
    private final String upstreamBasePath;
    private final TestSessions sessions;
    private final int missStatus;
    private final ProxyErrors errors;
    private final ForwardedAnswer forward;

    ProxiedExchange(Harness harness, URI upstream, HttpClient client, TestSessions sessions, int missStatus) {
        this.harness = harness;
        this.upstream = upstream;
        String basePath = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        this.upstreamBasePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.sessions = sessions;
        this.missStatus = missStatus;
        this.errors = new ProxyErrors(harness, upstream, missStatus);
        this.forward = new ForwardedAnswer(client, upstream, errors);
    }

    void handle(Request request, Response response, Callback callback) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        // Read the whole body first, even for an answer that does not need it: an unread body makes Jetty close
        // the connection after the response, which a client reusing it would see as a broken next request.
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        } catch (IOException e) {
            callback.failed(e); // the client went away while sending
            return;
        }
        List<String> testHeader = request.getHeaders().getValuesList(ReplayProxy.TEST_HEADER);
        String testId = testHeader.isEmpty() ? null : testHeader.get(0).trim();
        if (testId != null && testId.isEmpty()) {
            JsonBodies.send(
                    response,
                    callback,
                    400,
                    JsonBodies.error(
                            "invalid_request_error",
                            "Replay Harness proxy: the "
                                    + ReplayProxy.TEST_HEADER
                                    + " header is empty. Send the test id (e.g. com.example.ChatTest#answers), "
                                    + "or leave the header out to use the shared scope."),
                    Map.of());
            return;
        }
        URI target;
        try {
            String query = request.getHttpURI().getQuery();
            target = URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + upstreamBasePath
                    + request.getHttpURI().getPath() + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            JsonBodies.send(
                    response,
                    callback,
                    400,
                    JsonBodies.error(
                            "invalid_request_error",
                            "Replay Harness proxy: the request target is not a valid URI ("
                                    + harness.redact(e.getMessage()) + "). Percent-encode the path and query."),
                    Map.of());
            return;
        }
        Headers headers = forwardedHeaders(request);
        TestSessions.Lease lease;
        try {
            lease = sessions.acquire(testId);
        } catch (IllegalStateException shuttingDown) {
            JsonBodies.send(
                    response,
                    callback,
                    503,
                    JsonBodies.error("proxy_shutting_down", "Replay Harness proxy: shutting down; no new exchanges."),
                    Map.of("X-Should-Retry", "false"));
            return;
        }
        try {
            HarnessSession session = lease.session;
            OutgoingRequest outgoing = new OutgoingRequest(method, target, headers, body);
            try {
                for (String spec : request.getHeaders().getValuesList(ReplayProxy.FAULT_HEADER)) {
                    session.faults().declareOnce(spec, ReplayProxy.FAULT_HEADER + " header");
                }
                Exchange.<Void, RuntimeException, RuntimeException>run(
                        session,
                        outgoing,
                        replayed -> {
                            ReplayedAnswer.write(
                                    request,
                                    response,
                                    callback,
                                    harness.namespace(),
                                    () -> redactedPath(request, session),
                                    session,
                                    replayed);
                            return null;
                        },
                        recorder -> {
                            forward.write(
                                    response,
                                    callback,
                                    session,
                                    outgoing,
                                    recorder,
                                    () -> method + " " + redactedPath(request, session),
                                    testId);
                            return null;
                        });
            } catch (ReplayMissError miss) {
                errors.miss(
                        response,
                        callback,
                        request.getMethod().toUpperCase(Locale.ROOT) + " " + redactedPath(request, session),
                        testId,
                        miss);
            } catch (FaultDeclarationException fault) {
                JsonBodies.send(
                        response,
                        callback,
                        400,
                        JsonBodies.error("invalid_request_error", "Replay Harness proxy: " + fault.getMessage()),
                        Map.of(ReplayProxy.ERROR_HEADER, "fault-declaration", "X-Should-Retry", "false"));
            } catch (RecordingFormatException damaged) {
                LOG.log(
                        Level.WARNING,
                        "Replay Harness proxy: damaged recording for " + method + " " + redactedPath(request, session)
                                + testSuffix(testId));
                JsonBodies.send(
                        response,
                        callback,
                        missStatus,
                        JsonBodies.error("recording_format_error", damaged.getMessage()),
                        Map.of(ReplayProxy.ERROR_HEADER, "recording-format", "X-Should-Retry", "false"));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception injected) { // an injected transport fault: the connection fails, with no response
                LOG.log(Level.DEBUG, () -> "Replay Harness proxy: injected " + injected.getMessage());
                request.getConnectionMetaData().getConnection().getEndPoint().close(injected);
                callback.failed(injected);
            }
        } finally {
            sessions.release(lease);
        }
    }

    /** The client's headers minus hop-by-hop ones and the harness's own; credentials stay (they go upstream). */
    private static Headers forwardedHeaders(Request request) {
        Set<String> connectionNamed =
                HopByHop.namedByConnection(request.getHeaders().getValuesList(HttpHeader.CONNECTION));
        Headers.Builder builder = Headers.builder();
        for (HttpField field : request.getHeaders()) {
            if (!HopByHop.isDropped(field.getName(), connectionNamed)) {
                builder.add(field.getName(), field.getValue());
            }
        }
        return builder.build();
    }

    // ---------------------------------------------------------------- helpers

    private String redactedPath(Request request) {
        return harness.redact(String.valueOf(request.getHttpURI().getPath()));
    }

    /** The path redacted by the session too, which knows the credentials this test has sent (headers, query). */
    private String redactedPath(Request request, HarnessSession session) {
        return session.redact(redactedPath(request));
    }

    static String testSuffix(String testId) {
        return testId == null ? "" : " (test " + testId + ")";
    }
}
