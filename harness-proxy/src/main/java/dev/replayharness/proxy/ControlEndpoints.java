package dev.replayharness.proxy;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import dev.replayharness.core.Harness;

import tools.jackson.databind.node.ObjectNode;

/**
 * The proxy's own endpoints under {@value ReplayProxy#CONTROL_PREFIX}: health, and the end of a test's
 * (or the shared) session, which writes its recordings. Never forwarded upstream.
 */
final class ControlEndpoints {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());
    private static final String TESTS_PREFIX = ReplayProxy.CONTROL_PREFIX + "tests/";

    private final Harness harness;
    private final URI upstream;
    private final TestSessions sessions;

    ControlEndpoints(Harness harness, URI upstream, TestSessions sessions) {
        this.harness = harness;
        this.upstream = upstream;
        this.sessions = sessions;
    }

    void handle(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        try {
            Content.Source.consumeAll(
                    request); // control requests carry no body; an unread one would close the connection
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        if (path.equals(ReplayProxy.CONTROL_PREFIX + "health")) {
            if (!method.equals("GET")) {
                methodNotAllowed(response, callback, "GET");
                return;
            }
            ObjectNode health = JsonBodies.object();
            health.put("status", "ok");
            health.put("mode", harness.mode().value());
            health.put("namespace", harness.namespace());
            health.put("upstream", upstream.toString());
            JsonBodies.strings(health.putArray("openTests"), sessions.openTests());
            JsonBodies.send(response, callback, 200, health, Map.of());
            return;
        }
        boolean sharedEnd = path.equals(ReplayProxy.CONTROL_PREFIX + "shared/end");
        boolean testEnd =
                path.startsWith(TESTS_PREFIX) && path.endsWith("/end") && path.length() > TESTS_PREFIX.length() + 4;
        if (sharedEnd || testEnd) {
            if (!method.equals("POST")) {
                methodNotAllowed(response, callback, "POST");
                return;
            }
            String testId = sharedEnd
                    ? null
                    : URIUtil.decodePath(path.substring(TESTS_PREFIX.length(), path.length() - "/end".length()));
            if (testId != null && testId.isBlank()) {
                JsonBodies.send(
                        response,
                        callback,
                        400,
                        JsonBodies.error(
                                "invalid_request_error",
                                "Replay Harness proxy: empty test id in " + path + ". Use POST " + TESTS_PREFIX
                                        + "<percent-encoded test id>/end, e.g. " + TESTS_PREFIX
                                        + "com.example.ChatTest%23answers/end."),
                        Map.of());
                return;
            }
            TestSummary summary;
            try {
                summary = sessions.end(testId);
            } catch (RuntimeException e) { // the session could not write a recording; the message names it
                LOG.log(
                        Level.WARNING,
                        "Replay Harness proxy: ending " + (testId == null ? "the shared scope" : "test " + testId)
                                + " failed: " + e.getMessage());
                JsonBodies.send(
                        response, callback, 500, JsonBodies.error("recording_write_error", e.getMessage()), Map.of());
                return;
            }
            if (!summary.faultsNeverFired().isEmpty()) {
                LOG.log(
                        Level.WARNING,
                        "Replay Harness proxy: " + (testId == null ? "the shared scope" : "test " + testId)
                                + " ended with faults that never fired: " + summary.faultsNeverFired()
                                + ". Check their matchers (path, nth) against the requests the test sent.");
            }
            LOG.log(
                    Level.DEBUG,
                    () -> "Replay Harness proxy: ended " + (testId == null ? "the shared scope" : "test " + testId)
                            + ": " + summary);
            JsonBodies.send(response, callback, 200, JsonBodies.summary(summary), Map.of());
            return;
        }
        JsonBodies.send(
                response,
                callback,
                404,
                JsonBodies.error(
                        "not_found",
                        "Replay Harness proxy: no control endpoint "
                                + method + " " + path + ". The endpoints are GET " + ReplayProxy.CONTROL_PREFIX
                                + "health, POST "
                                + TESTS_PREFIX + "<percent-encoded test id>/end and POST " + ReplayProxy.CONTROL_PREFIX
                                + "shared/end; paths under " + ReplayProxy.CONTROL_PREFIX
                                + " are never forwarded upstream."),
                Map.of());
    }

    private void methodNotAllowed(Response response, Callback callback, String allowed) {
        JsonBodies.send(
                response,
                callback,
                405,
                JsonBodies.error(
                        "invalid_request_error",
                        "Replay Harness proxy: use " + allowed + " for this control endpoint."),
                Map.of("Allow", allowed));
    }
}
