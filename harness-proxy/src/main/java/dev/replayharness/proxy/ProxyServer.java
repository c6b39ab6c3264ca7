package dev.replayharness.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.http.HttpClient;
import java.time.Duration;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Jetty server under a {@link ReplayProxy}: how it listens, starts and stops, and the default upstream client. */
final class ProxyServer {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());

    /** A started server and the port it bound. */
    record Running(Server server, int port) {}

    private ProxyServer() {}

    /** HTTP/1.1, redirects not followed (they go back to the client, as a proxy should), 10 s connect timeout. */
    static HttpClient defaultUpstreamClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Binds {@code host:port} and serves {@code handler}.
     *
     * @throws UncheckedIOException when the address cannot be bound (the message names it and the fix)
     */
    static Running start(String host, int port, Duration idleTimeout, Duration awaitExchanges, ProxyHandler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("replay-proxy");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // the upstream's Date passes through; a replay has none
        http.setUriCompliance(UriCompliance.LEGACY); // pass %2F and friends upstream as they came (Bedrock model ARNs)
        ServerConnector listening = new ServerConnector(jetty, new HttpConnectionFactory(http));
        listening.setHost(host);
        listening.setPort(port);
        listening.setIdleTimeout(idleTimeout.toMillis());
        jetty.addConnector(listening);
        GracefulHandler graceful = new GracefulHandler(handler);
        graceful.setShutdownIdleTimeout(
                100); // once stopping, idle keep-alive connections close at once; exchanges in flight finish
        jetty.setHandler(graceful);
        jetty.setStopTimeout(awaitExchanges.toMillis());
        jetty.setStopAtShutdown(
                false); // close() (or the CLI's shutdown hook) stops it, after which sessions are closed
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            Throwable cause = e instanceof IOException && e.getCause() instanceof BindException ? e.getCause() : e;
            String message = "Replay Harness proxy: cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                    + "). Another process may use the port: choose another (port(...), --port) or 0 for a free one.";
            throw new UncheckedIOException(message, e instanceof IOException io ? io : new IOException(message, e));
        }
        return new Running(jetty, listening.getLocalPort());
    }

    static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.log(
                    Level.WARNING,
                    "Replay Harness proxy: stopping the server: " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
