package dev.replayharness.proxy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The optional settings of {@link ReplayProxy.Builder}: where it listens, how it calls upstream, what a miss
 * answers, how long it waits and where its run report goes. Not API on its own: use it through
 * {@link ReplayProxy#builder}. The setters return {@link ReplayProxy.Builder} itself (not a type variable), so
 * they keep the signatures they had when they were declared there.
 */
abstract class ProxyOptions {
    String host = "127.0.0.1";
    int port;
    HttpClient client;
    int missStatus = ReplayProxy.DEFAULT_MISS_STATUS;
    Duration awaitExchanges = Duration.ofSeconds(30);
    Duration idleTimeout = Duration.ofMinutes(10);
    Path runReport;

    ProxyOptions() {}

    private ReplayProxy.Builder self() {
        return (ReplayProxy.Builder) this; // the only subclass
    }

    /** The address to bind. Default {@code 127.0.0.1}: recordings and credentials stay on this machine. */
    public ReplayProxy.Builder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return self();
    }

    /** The port to listen on; {@code 0} (the default) picks a free one, see {@link ReplayProxy#port()}. */
    public ReplayProxy.Builder port(int port) {
        this.port = ProxyChecks.port(port);
        return self();
    }

    /**
     * The client that calls upstream in the modes that do (TLS settings, an outbound proxy). Default: HTTP/1.1,
     * redirects not followed, 10 s connect timeout.
     */
    public ReplayProxy.Builder upstreamClient(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
        return self();
    }

    /**
     * The status of a replay miss. Default {@value ReplayProxy#DEFAULT_MISS_STATUS}.
     *
     * @throws IllegalArgumentException for a status SDKs retry (408, 409, 429, 5xx) or that is not 4xx
     */
    public ReplayProxy.Builder missStatus(int status) {
        this.missStatus = ProxyChecks.missStatus(status);
        return self();
    }

    /**
     * How long stopping (and ending a test) waits for exchanges still in flight. Default 30 seconds. The
     * harness's own {@code awaitRecordings} applies after that, to bodies still streaming.
     */
    public ReplayProxy.Builder awaitExchanges(Duration await) {
        this.awaitExchanges = Objects.requireNonNull(await, "await");
        return self();
    }

    /** How long a client connection may stay silent (a long pause in a stream included). Default 10 minutes. */
    public ReplayProxy.Builder idleTimeout(Duration idleTimeout) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        return self();
    }

    /**
     * Where {@link ReplayProxy#close()} writes the run report: every test id that sent requests (one entry for
     * requests without {@value ReplayProxy#TEST_HEADER}) and the recordings it used, as the JUnit extension
     * writes it, so that {@code ./harness unused} counts them. Default: none.
     *
     * @throws IllegalArgumentException when {@code file} is a directory
     */
    public ReplayProxy.Builder runReport(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("The run report " + file + " is a directory; name a file" + " (e.g. "
                    + file.resolve("harness-report-proxy.json") + ").");
        }
        this.runReport = file;
        return self();
    }
}
