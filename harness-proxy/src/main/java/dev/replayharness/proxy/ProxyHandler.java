package dev.replayharness.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Headers;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.RecordingFormatException;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.ReplayedResponse;
import dev.replayharness.core.ResponseRecorder;
import tools.jackson.databind.node.ObjectNode;

/**
 * One exchange: a control request under {@value ReplayProxy#CONTROL_PREFIX}, or a proxied one, which
 * {@link HarnessSession#plan} turns into a replay (written chunk by chunk, one write and flush per
 * recorded chunk) or an upstream call through {@code java.net.http} (each chunk written to the client
 * as it arrives and teed into the recording by a {@link RecordingInputStream}).
 *
 * <p>Logs name the method, the redacted path and the test id; never a header value or a body.
 */
final class ProxyHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());
    private static final int BUFFER = 16 * 1024;
    private static final String TESTS_PREFIX = ReplayProxy.CONTROL_PREFIX + "tests/";

    private final Harness harness;
    private final URI upstream;
    private final String upstreamBasePath;
    private final HttpClient client;
    private final TestSessions sessions;
    private final int missStatus;

    ProxyHandler(Harness harness, URI upstream, HttpClient client, TestSessions sessions, int missStatus) {
        this.harness = harness;
        this.upstream = upstream;
        String basePath = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        this.upstreamBasePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.client = client;
        this.sessions = sessions;
        this.missStatus = missStatus;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        try {
            if (path != null && (path.startsWith(ReplayProxy.CONTROL_PREFIX) || path.equals("/__harness"))) {
                control(request, response, callback, path);
            } else {
                forward(request, response, callback);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Replay Harness proxy: " + request.getMethod() + " " + redactedPath(request)
                    + " failed: " + e.getClass().getName());
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                sendJson(response, callback, 500, JsonBodies.error("proxy_error", "Replay Harness proxy: internal error "
                        + e.getClass().getName() + ": " + harnessRedact(String.valueOf(e.getMessage()))
                        + ". Please report it with the request that caused it."), Map.of());
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- control endpoints

    private void control(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        try {
            Content.Source.consumeAll(request); // control requests carry no body; an unread one would close the connection
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
            sendJson(response, callback, 200, health, Map.of());
            return;
        }
        boolean sharedEnd = path.equals(ReplayProxy.CONTROL_PREFIX + "shared/end");
        boolean testEnd = path.startsWith(TESTS_PREFIX) && path.endsWith("/end") && path.length() > TESTS_PREFIX.length() + 4;
        if (sharedEnd || testEnd) {
            if (!method.equals("POST")) {
                methodNotAllowed(response, callback, "POST");
                return;
            }
            String testId = sharedEnd ? null
                    : URIUtil.decodePath(path.substring(TESTS_PREFIX.length(), path.length() - "/end".length()));
            if (testId != null && testId.isBlank()) {
                sendJson(response, callback, 400, JsonBodies.error("invalid_request_error",
                        "Replay Harness proxy: empty test id in " + path + ". Use POST " + TESTS_PREFIX
                                + "<percent-encoded test id>/end, e.g. " + TESTS_PREFIX + "com.example.ChatTest%23answers/end."),
                        Map.of());
                return;
            }
            TestSummary summary;
            try {
                summary = sessions.end(testId);
            } catch (RuntimeException e) { // the session could not write a recording; the message names it
                LOG.log(Level.WARNING, "Replay Harness proxy: ending " + (testId == null ? "the shared scope" : "test " + testId)
                        + " failed: " + e.getMessage());
                sendJson(response, callback, 500, JsonBodies.error("recording_write_error", e.getMessage()), Map.of());
                return;
            }
            LOG.log(Level.DEBUG, () -> "Replay Harness proxy: ended " + (testId == null ? "the shared scope" : "test " + testId)
                    + ": " + summary);
            sendJson(response, callback, 200, JsonBodies.summary(summary), Map.of());
            return;
        }
        sendJson(response, callback, 404, JsonBodies.error("not_found", "Replay Harness proxy: no control endpoint "
                + method + " " + path + ". The endpoints are GET " + ReplayProxy.CONTROL_PREFIX + "health, POST "
                + TESTS_PREFIX + "<percent-encoded test id>/end and POST " + ReplayProxy.CONTROL_PREFIX
                + "shared/end; paths under " + ReplayProxy.CONTROL_PREFIX + " are never forwarded upstream."), Map.of());
    }

    private void methodNotAllowed(Response response, Callback callback, String allowed) {
        sendJson(response, callback, 405, JsonBodies.error("invalid_request_error",
                "Replay Harness proxy: use " + allowed + " for this control endpoint."), Map.of("Allow", allowed));
    }

    // ---------------------------------------------------------------- proxied exchanges

    private void forward(Request request, Response response, Callback callback) {
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
            sendJson(response, callback, 400, JsonBodies.error("invalid_request_error", "Replay Harness proxy: the "
                    + ReplayProxy.TEST_HEADER + " header is empty. Send the test id (e.g. com.example.ChatTest#answers), "
                    + "or leave the header out to use the shared scope."), Map.of());
            return;
        }
        URI target;
        try {
            String query = request.getHttpURI().getQuery();
            target = URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + upstreamBasePath
                    + request.getHttpURI().getPath() + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            sendJson(response, callback, 400, JsonBodies.error("invalid_request_error", "Replay Harness proxy: the request "
                    + "target is not a valid URI (" + harnessRedact(e.getMessage()) + "). Percent-encode the path and query."),
                    Map.of());
            return;
        }
        Headers headers = forwardedHeaders(request);
        TestSessions.Lease lease;
        try {
            lease = sessions.acquire(testId);
        } catch (IllegalStateException shuttingDown) {
            sendJson(response, callback, 503, JsonBodies.error("proxy_shutting_down",
                    "Replay Harness proxy: shutting down; no new exchanges."), Map.of("X-Should-Retry", "false"));
            return;
        }
        try {
            HarnessSession session = lease.session;
            OutgoingRequest outgoing = new OutgoingRequest(method, target, headers, body);
            ExchangePlan plan;
            try {
                plan = session.plan(outgoing);
            } catch (ReplayMissError miss) {
                miss(request, response, callback, session, testId, miss);
                return;
            } catch (RecordingFormatException damaged) {
                LOG.log(Level.WARNING, "Replay Harness proxy: damaged recording for " + method + " " + redactedPath(request, session)
                        + testSuffix(testId));
                sendJson(response, callback, missStatus, JsonBodies.error("recording_format_error", damaged.getMessage()),
                        Map.of(ReplayProxy.ERROR_HEADER, "recording-format", "X-Should-Retry", "false"));
                return;
            }
            if (plan instanceof ExchangePlan.Replay replay) {
                replay(request, response, callback, session, replay.response());
            } else {
                call(request, response, callback, session, target, headers, body,
                        ((ExchangePlan.Call) plan).recorder(), testId);
            }
        } finally {
            sessions.release(lease);
        }
    }

    /** The client's headers minus hop-by-hop ones and the harness's own; credentials stay (they go upstream). */
    private static Headers forwardedHeaders(Request request) {
        Set<String> connectionNamed = HopByHop.namedByConnection(request.getHeaders().getValuesList(HttpHeader.CONNECTION));
        Headers.Builder builder = Headers.builder();
        for (HttpField field : request.getHeaders()) {
            if (!HopByHop.isDropped(field.getName(), connectionNamed)) {
                builder.add(field.getName(), field.getValue());
            }
        }
        return builder.build();
    }

    private void replay(Request request, Response response, Callback callback, HarnessSession session,
            ReplayedResponse recorded) {
        ReplayedResponse replayed = acceptsEncoding(request, recorded.headers().first("content-encoding"))
                ? recorded.encodedForWire() : recorded.decoded();
        response.setStatus(replayed.status());
        replayed.headers().asMap().forEach((name, values) -> {
            if (!HopByHop.isDropped(name, Set.of())) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        response.getHeaders().put(ReplayProxy.RECORDING_HEADER, harness.namespace() + "/" + replayed.file().getFileName());
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        if (!head && !replayed.headers().isEventStream() && replayed.interruption().isEmpty()) {
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
                    LOG.log(Level.DEBUG, () -> "Replay Harness proxy: replayed interruption for " + request.getMethod() + " "
                            + redactedPath(request, session));
                    failMidBody(response, callback, recordedInterruption, recordedInterruption.getMessage());
                    return;
                }
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    Content.Sink.write(response, false, ByteBuffer.wrap(buffer, 0, n)); // blocks until sent: one flush per chunk
                }
            }
        } catch (IOException clientGone) {
            LOG.log(Level.DEBUG, () -> "Replay Harness proxy: client left during the replay of " + request.getMethod() + " "
                    + redactedPath(request, session));
            callback.failed(clientGone);
            return;
        }
        callback.succeeded();
    }

    private void call(Request request, Response response, Callback callback, HarnessSession session, URI target,
            Headers headers, byte[] body, Optional<ResponseRecorder> recorder, String testId) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(upstreamRequest(method, target, headers, body), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | RuntimeException e) {
            recorder.ifPresent(r -> r.failed(e)); // nothing is recorded, but the recorder must end
            unreachable(request, response, callback, session, e, testId);
            return;
        } catch (InterruptedException e) {
            recorder.ifPresent(r -> r.failed(e));
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        }
        recorder.ifPresent(r -> r.started(answer.statusCode(), Headers.of(answer.headers().map())));
        InputStream upstreamBody = recorder.<InputStream>map(r -> new RecordingInputStream(answer.body(), r,
                session.maxDrainBytes())).orElse(answer.body());
        response.setStatus(answer.statusCode());
        Set<String> connectionNamed = HopByHop.namedByConnection(answer.headers().allValues("connection"));
        answer.headers().map().forEach((name, values) -> {
            if (!HopByHop.isDropped(name, connectionNamed)) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        if (!method.equals("HEAD")) { // the bytes pass unchanged, so the upstream's length holds
            answer.headers().firstValue("content-length").ifPresent(length -> response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length));
        }
        byte[] buffer = new byte[BUFFER];
        IOException clientGone = null;
        try (InputStream in = upstreamBody) { // closing early drains the rest into the recording
            while (true) {
                int n;
                try {
                    n = in.read(buffer, 0, buffer.length);
                } catch (IOException upstreamFailed) { // recorded as interrupted by the RecordingInputStream
                    String message = "Replay Harness proxy: the upstream " + upstream + " failed mid-response for " + method + " "
                            + redactedPath(request, session) + ": " + session.redact(String.valueOf(upstreamFailed));
                    LOG.log(Level.WARNING, message + testSuffix(testId));
                    failMidBody(response, callback, upstreamFailed, message);
                    return;
                }
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                try {
                    Content.Sink.write(response, false, ByteBuffer.wrap(buffer, 0, n)); // blocks until sent: a flush per chunk
                } catch (IOException e) {
                    clientGone = e;
                    if (recorder.isPresent()) {
                        LOG.log(Level.INFO, "Replay Harness proxy: the client left during " + method + " "
                                + redactedPath(request, session) + testSuffix(testId)
                                + "; draining the rest of the upstream response into the recording");
                    }
                    break;
                }
            }
        } catch (IOException closeFailed) {
            LOG.log(Level.DEBUG, () -> "Replay Harness proxy: closing the upstream body failed: " + closeFailed.getClass().getName());
        }
        if (clientGone != null) {
            callback.failed(clientGone);
        } else {
            callback.succeeded();
        }
    }

    /**
     * A body that fails: once bytes were sent, the connection is cut (the client sees a broken body, as it
     * would from the upstream); before that, a 502 says what happened.
     */
    private static void failMidBody(Response response, Callback callback, IOException failure, String message) {
        if (response.isCommitted()) {
            callback.failed(failure);
            return;
        }
        response.reset();
        sendJson(response, callback, 502, JsonBodies.error("upstream_error", message),
                Map.of(ReplayProxy.ERROR_HEADER, "upstream-error", "X-Should-Retry", "false"));
    }

    private static HttpRequest upstreamRequest(String method, URI target, Headers headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(method,
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.asMap().forEach((name, values) -> {
            for (String value : values) {
                try {
                    builder.header(name, value);
                } catch (IllegalArgumentException restricted) { // a header java.net.http sets itself
                    LOG.log(Level.DEBUG, () -> "Replay Harness proxy: not forwarding header " + name
                            + " (java.net.http does not allow it)");
                }
            }
        });
        return builder.build();
    }

    private void miss(Request request, Response response, Callback callback, HarnessSession session, String testId,
            ReplayMissError miss) {
        String what = request.getMethod().toUpperCase(Locale.ROOT) + " " + redactedPath(request, session);
        LOG.log(Level.WARNING, "Replay Harness proxy: no recording for " + what + testSuffix(testId)
                + " (namespace " + harness.namespace() + "); answered " + missStatus);
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
        error.put("fix", "Record it: run the proxy in mode record-if-missing (--mode record-if-missing, or "
                + "HARNESS_MODE=record-if-missing) against a reachable upstream, send the same request with the same "
                + ReplayProxy.TEST_HEADER + " header, then end the test (POST " + TESTS_PREFIX
                + "<percent-encoded test id>/end, or " + ReplayProxy.CONTROL_PREFIX + "shared/end without a test) "
                + "or stop the proxy, so that the recording is written; commit it.");
        if (miss.isExpectedDefined()) {
            error.put("nearestRecordedBody", String.valueOf(miss.getExpected().getValue()));
        }
        if (miss.isActualDefined()) {
            error.put("requestBody", String.valueOf(miss.getActual().getValue()));
        }
        sendJson(response, callback, missStatus, body, Map.of(ReplayProxy.MISS_HEADER, what,
                ReplayProxy.ERROR_HEADER, "replay-miss", "X-Should-Retry", "false"));
    }

    private void unreachable(Request request, Response response, Callback callback, HarnessSession session, Exception e,
            String testId) {
        String what = request.getMethod().toUpperCase(Locale.ROOT) + " " + redactedPath(request, session);
        String message = "Replay Harness proxy: could not get an answer from the upstream " + upstream + " for " + what
                + " (mode " + harness.mode().value() + "): " + session.redact(String.valueOf(e))
                + ". Check that the upstream is running and that the proxy's upstream URL (--upstream) is right; "
                + "to run without it, use mode replay with committed recordings.";
        LOG.log(Level.WARNING, message + testSuffix(testId));
        sendJson(response, callback, 502, JsonBodies.error("upstream_unreachable", message),
                Map.of(ReplayProxy.ERROR_HEADER, "upstream-unreachable", "X-Should-Retry", "false"));
    }

    // ---------------------------------------------------------------- helpers

    private static boolean acceptsEncoding(Request request, Optional<String> encoding) {
        if (encoding.isEmpty()) {
            return true;
        }
        String wanted = encoding.get().trim().toLowerCase(Locale.ROOT);
        for (String value : request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING)) {
            for (String token : value.split(",")) {
                String[] parts = token.split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
                if ((name.equals(wanted) || name.equals("*")) && !refused) {
                    return true;
                }
            }
        }
        return false;
    }

    private String redactedPath(Request request) {
        return harnessRedact(String.valueOf(request.getHttpURI().getPath()));
    }

    /** The path redacted by the session too, which knows the credentials this test has sent (headers, query). */
    private String redactedPath(Request request, HarnessSession session) {
        return session.redact(redactedPath(request));
    }

    private String harnessRedact(String text) {
        return harness.redact(text);
    }

    private static String testSuffix(String testId) {
        return testId == null ? "" : " (test " + testId + ")";
    }

    private static void sendJson(Response response, Callback callback, int status, ObjectNode body,
            Map<String, String> headers) {
        byte[] bytes = JsonBodies.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
