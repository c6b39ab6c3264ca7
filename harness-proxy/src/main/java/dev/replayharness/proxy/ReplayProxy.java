package dev.replayharness.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.eclipse.jetty.server.Server;

import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RunReportWriter;

/**
 * A loopback HTTP server in front of an upstream base URL that records and replays through a
 * {@link Harness}, so that clients in any language (curl, Python, Node) can use recordings. Requests go
 * through {@code HarnessSession.plan} exactly as the in-process adapters' do: the same canonical
 * request, the same keys, the same files; a recording made through the proxy replays in-process with
 * {@code JdkHarness} for the same test id, and the other way round.
 *
 * <pre>{@code
 * Harness harness = Harness.builder().recordingsDirectory(Path.of("recordings")).namespace("openai").build();
 * try (ReplayProxy proxy = ReplayProxy.builder(harness, URI.create("https://api.openai.com")).port(0).build().start()) {
 *     URI base = proxy.baseUri();          // http://127.0.0.1:<port>/ ; point the client's base URL here
 *     ...                                  // send requests with X-Replay-Harness-Test: <test id>
 *     proxy.endTest("com.example.ChatTest#answers");  // or POST /__harness/tests/<id>/end
 * }                                        // in-flight exchanges finish, every session closes: recordings written
 * }</pre>
 *
 * <p><b>Naming the test.</b> The request header {@value #TEST_HEADER} carries the test id (the same id an
 * in-process JUnit test has, {@code <class binary name>#<method>}, so the same files). Requests without
 * it use one shared session (shared recordings). The header is never forwarded, recorded or keyed, nor
 * is any other {@code X-Replay-Harness-*} header. A test's session stays open until it is ended
 * ({@link #endTest}, {@code POST /__harness/tests/<percent-encoded id>/end}) or the proxy closes; its
 * recordings are written then.
 *
 * <p><b>Control endpoints</b> under {@value #CONTROL_PREFIX} (never forwarded): {@code GET /__harness/health},
 * {@code POST /__harness/tests/<id>/end} and {@code POST /__harness/shared/end}, each answering JSON.
 *
 * <p><b>Errors.</b> A replay miss answers {@link #DEFAULT_MISS_STATUS} (424) with an OpenAI-style JSON
 * error holding the harness's miss report, {@value #MISS_HEADER}: {@code METHOD path} and
 * {@code X-Should-Retry: false}; an upstream that cannot be reached answers 502 naming the upstream and
 * the fix. Credentials the client sends go upstream and never into a recording, a log line or an error.
 */
public final class ReplayProxy implements AutoCloseable {
    /** The request header that names the test whose session (and test-scoped recordings) a request uses: {@value}. */
    public static final String TEST_HEADER = "X-Replay-Harness-Test";
    /** Response header on a replay miss: {@code METHOD path} of the request without a recording: {@value}. */
    public static final String MISS_HEADER = "X-Replay-Harness-Miss";
    /** Response header on every error the proxy itself answers ({@code replay-miss}, {@code upstream-unreachable}, …): {@value}. */
    public static final String ERROR_HEADER = "X-Replay-Harness-Error";
    /** Response header on a replayed response: the recording, relative to the recordings root: {@value}. */
    public static final String RECORDING_HEADER = "X-Replay-Harness-Recording";
    /**
     * Request header declaring a fault for the test the request belongs to, in the declaration syntax of
     * {@code @Fault} (e.g. {@code status=429;retry-after=2s;nth=1}): declared on the test's session the first time
     * the proxy sees it, so send it on every request of the test; repeat the header for several faults. Never
     * forwarded, recorded or keyed: {@value}.
     */
    public static final String FAULT_HEADER = "X-Replay-Harness-Fault";
    /** Paths under this prefix are the proxy's control endpoints and are never forwarded: {@value}. */
    public static final String CONTROL_PREFIX = "/__harness/";
    /**
     * The status of a replay miss: 424 Failed Dependency. SDKs retry 408, 409, 429 and 5xx (a retry would
     * count as the next identical request and miss again); no LLM API answers 424, so a miss can never
     * pass for a recorded error response, as a 404 or 400 could in a test that expects one.
     */
    public static final int DEFAULT_MISS_STATUS = 424;

    static final String HEADER_PREFIX = "x-replay-harness-";
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());

    private final Harness harness;
    private final URI upstream;
    private final String host;
    private final int port;
    private final Duration awaitExchanges;
    private final Duration idleTimeout;
    private final int missStatus;
    private final HttpClient client;
    private final TestSessions sessions;
    private final RunReportWriter report;
    private Server server;
    private URI baseUri;
    private boolean closed;

    private ReplayProxy(Builder builder) {
        this.harness = builder.harness;
        this.upstream = builder.upstream;
        this.host = builder.host;
        this.port = builder.port;
        this.awaitExchanges = builder.awaitExchanges;
        this.idleTimeout = builder.idleTimeout;
        this.missStatus = builder.missStatus;
        this.client = builder.client != null ? builder.client : ProxyServer.defaultUpstreamClient();
        this.report = builder.runReport == null
                ? null
                : new RunReportWriter(
                        builder.runReport, harness.namespaceDirectory().getParent());
        this.sessions = new TestSessions(harness, awaitExchanges, report);
    }

    /**
     * A proxy for {@code upstream}.
     *
     * @param harness the recordings, namespace, mode, normalizers and secrets to use
     * @param upstream the upstream base URL, {@code http} or {@code https}, without user info, query or
     *     fragment; a path (e.g. {@code /openai}) is put before every request's path
     * @throws IllegalArgumentException when {@code upstream} is not such a URL (the message says why)
     */
    public static Builder builder(Harness harness, URI upstream) {
        return new Builder(Objects.requireNonNull(harness, "harness"), ProxyChecks.upstream(upstream));
    }

    /**
     * Binds and starts serving.
     *
     * @return this proxy
     * @throws UncheckedIOException when the address cannot be bound (the message names it and the fix)
     * @throws IllegalStateException when already started or closed
     */
    public synchronized ReplayProxy start() {
        if (server != null || closed) {
            throw new IllegalStateException(
                    "This ReplayProxy was already started" + (closed ? " and closed" : "") + "; build a new one.");
        }
        ProxyServer.Running running = ProxyServer.start(
                host,
                port,
                idleTimeout,
                awaitExchanges,
                new ProxyHandler(harness, upstream, client, sessions, missStatus));
        server = running.server();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        baseUri = URI.create("http://" + shownHost + ":" + running.port() + "/");
        LOG.log(
                Level.INFO,
                "Replay Harness proxy on " + baseUri() + " for " + upstream + " (mode "
                        + harness.mode().value() + ", namespace " + harness.namespace() + ", recordings "
                        + harness.namespaceDirectory().toAbsolutePath() + ")");
        return this;
    }

    /** {@code http://<host>:<port>/}: the base URL to give clients (the bound port, also after {@link #close()}). */
    public synchronized URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("The proxy is not started; call start() first.");
        }
        return baseUri;
    }

    /** The bound port (useful with {@code port(0)}). */
    public int port() {
        return baseUri().getPort();
    }

    public URI upstream() {
        return upstream;
    }

    public Mode mode() {
        return harness.mode();
    }

    public Harness harness() {
        return harness;
    }

    /** The test ids whose sessions are open (sent a request and not yet ended), sorted. */
    public List<String> openTests() {
        return sessions.openTests();
    }

    /**
     * Ends a test, as {@code POST /__harness/tests/<id>/end} does: waits for its exchanges still streaming,
     * closes its session (writing its new recordings) and says what it used. The next request with that
     * id opens a new session.
     *
     * @throws IllegalStateException when the session cannot write its recordings (the message names them)
     */
    public TestSummary endTest(String testId) {
        return sessions.end(Objects.requireNonNull(testId, "testId"));
    }

    /** Ends the shared scope (requests without {@value #TEST_HEADER}), as {@code POST /__harness/shared/end} does. */
    public TestSummary endShared() {
        return sessions.end(null);
    }

    /**
     * Stops gracefully: stops accepting connections, lets exchanges in flight finish (up to the
     * {@link Builder#awaitExchanges} time), then closes every session, so every recording is written.
     * Idempotent.
     *
     * @throws IllegalStateException when a session could not write its recordings (the others are written)
     */
    @Override
    public void close() {
        Server running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = server;
        }
        if (running != null) {
            ProxyServer.stopQuietly(running);
        }
        List<TestSummary> summaries;
        try {
            summaries = sessions.closeAll();
        } catch (RuntimeException sessionsFailed) {
            // The report is still written, but its own failure must not replace the message naming the recordings
            // that could not be written (the user would lose them without knowing which).
            try {
                writeReport();
            } catch (RuntimeException reportFailed) {
                sessionsFailed.addSuppressed(reportFailed);
            }
            throw sessionsFailed;
        }
        writeReport();
        LOG.log(Level.INFO, "Replay Harness proxy stopped; " + summaries.size() + " session(s) closed");
    }

    private void writeReport() {
        if (report == null) {
            return;
        }
        try {
            report.write();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot write the run report " + report.file() + " (" + e + "). Make its folder writable or"
                            + " name another file (--report).",
                    e);
        }
    }

    @Override
    public String toString() {
        return "ReplayProxy[" + (baseUri == null ? "not started" : baseUri) + " -> " + upstream + ", mode "
                + harness.mode().value() + "]";
    }

    /** Settings of a {@link ReplayProxy}; the optional ones are {@link ProxyOptions}'s setters. */
    public static final class Builder extends ProxyOptions {
        final Harness harness;
        final URI upstream;

        private Builder(Harness harness, URI upstream) {
            this.harness = harness;
            this.upstream = upstream;
        }

        /** The proxy, not yet listening: call {@link ReplayProxy#start()}. */
        public ReplayProxy build() {
            return new ReplayProxy(this);
        }
    }
}
