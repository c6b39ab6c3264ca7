package dev.replayharness.server;

import java.io.IOException;
import java.net.BindException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.replayharness.server.internal.JsonErrorHandler;

/**
 * The Jetty side of a {@link StackServer}: bound first ({@link #bind}), so that a port that is taken
 * fails before anything else (the inference store above all) is created; then started with the API.
 */
final class Listener {

    private final Server jetty;
    private final ServerConnector connector;
    private final String address;
    private final String configSource;

    private Listener(Server jetty, ServerConnector connector, String address, String configSource) {
        this.jetty = jetty;
        this.connector = connector;
        this.address = address;
        this.configSource = configSource;
    }

    /**
     * Binds {@code host:port}.
     *
     * @throws StackServerException naming the address and the fix when the port is taken
     */
    static Listener bind(String host, int port, int maxThreads, String configSource) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 8, 60_000);
        threads.setName("stack-server");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        Listener listener = new Listener(jetty, connector, host + ":" + port, configSource);
        try {
            connector.open();
        } catch (IOException e) {
            connector.close();
            throw listener.cannotListen(e);
        }
        return listener;
    }

    /**
     * Serves {@code api}; stopping lets requests in flight finish for up to {@code stopTimeoutMillis}.
     *
     * @throws StackServerException when Jetty does not start; nothing is left listening then
     */
    void start(Handler api, long stopTimeoutMillis) {
        GracefulHandler graceful = new GracefulHandler();
        graceful.setShutdownIdleTimeout(100); // once stopping, idle keep-alive connections close at once
        graceful.setHandler(api);
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(stopTimeoutMillis);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            stop();
            if (e instanceof BindException || e.getCause() instanceof BindException || e instanceof IOException) {
                throw cannotListen(e);
            }
            throw new StackServerException("The server did not start: " + e, e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Stops (gracefully once started), closing the socket; a failure is logged, not thrown. */
    void stop() {
        try {
            jetty.stop();
        } catch (Exception e) {
            System.getLogger("dev.replayharness.server")
                    .log(System.Logger.Level.WARNING, "stopping the server: " + e.getMessage());
        }
        connector.close();
    }

    private StackServerException cannotListen(Exception e) {
        return new StackServerException(
                "Cannot listen on " + address + " (" + e.getMessage()
                        + "): another process uses the port. Stop it, or choose another port"
                        + " (--port, or server.port in " + configSource + ").",
                e);
    }
}
