package dev.replayharness.proxy;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayMissError;

import tools.jackson.databind.node.ObjectNode;

/** The answers the proxy gives when an exchange cannot be had: a replay miss, an unreachable upstream. */
final class ProxyErrors {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());
    private static final String TESTS_PREFIX = ReplayProxy.CONTROL_PREFIX + "tests/";

    private final Harness harness;
    private final URI upstream;
    private final int missStatus;

    ProxyErrors(Harness harness, URI upstream, int missStatus) {
        this.harness = harness;
        this.upstream = upstream;
        this.missStatus = missStatus;
    }

    /** No recording: {@code missStatus}, with the miss report and how to record it. */
    void miss(Response response, Callback callback, String what, String testId, ReplayMissError miss) {
        LOG.log(
                Level.WARNING,
                "Replay Harness proxy: no recording for " + what + ProxiedExchange.testSuffix(testId) + " (namespace "
                        + harness.namespace() + "); answered " + missStatus);
        ObjectNode body = JsonBodies.error("replay_miss", miss.getMessage());
        ObjectNode error = (ObjectNode) body.get("error");
        error.put("request", what);
        if (testId == null) {
            error.putNull("test");
        } else {
            error.put("test", testId);
        }
        error.put("namespace", harness.namespace());
        error.put("mode", harness.mode().value());
        error.put(
                "fix",
                "Record it: run the proxy in mode record-if-missing (--mode record-if-missing, or "
                        + "HARNESS_MODE=record-if-missing) against a reachable upstream, send the same request with the same "
                        + ReplayProxy.TEST_HEADER + " header, then end the test (POST " + TESTS_PREFIX
                        + "<percent-encoded test id>/end, or " + ReplayProxy.CONTROL_PREFIX
                        + "shared/end without a test) "
                        + "or stop the proxy, so that the recording is written; commit it.");
        if (miss.isExpectedDefined()) {
            error.put("nearestRecordedBody", String.valueOf(miss.getExpected().getValue()));
        }
        if (miss.isActualDefined()) {
            error.put("requestBody", String.valueOf(miss.getActual().getValue()));
        }
        JsonBodies.send(
                response,
                callback,
                missStatus,
                body,
                Map.of(
                        ReplayProxy.MISS_HEADER,
                        what,
                        ReplayProxy.ERROR_HEADER,
                        "replay-miss",
                        "X-Should-Retry",
                        "false"));
    }

    /** The upstream gave no answer: 502, naming it and what to check. */
    void unreachable(
            Response response, Callback callback, String what, HarnessSession session, Exception e, String testId) {
        String message = "Replay Harness proxy: could not get an answer from the upstream " + upstream + " for " + what
                + " (mode " + harness.mode().value() + "): " + session.redact(String.valueOf(e))
                + ". Check that the upstream is running and that the proxy's upstream URL (--upstream) is right; "
                + "to run without it, use mode replay with committed recordings.";
        LOG.log(Level.WARNING, message + ProxiedExchange.testSuffix(testId));
        JsonBodies.send(
                response,
                callback,
                502,
                JsonBodies.error("upstream_unreachable", message),
                Map.of(ReplayProxy.ERROR_HEADER, "upstream-unreachable", "X-Should-Retry", "false"));
    }
}
