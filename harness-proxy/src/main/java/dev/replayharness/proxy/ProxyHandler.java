package dev.replayharness.proxy;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.core.Harness;

/**
 * Routes each request: under {@value ReplayProxy#CONTROL_PREFIX} to the {@link ControlEndpoints}, anything
 * else to a {@link ProxiedExchange}; an unexpected failure becomes a 500 naming it (redacted).
 */
final class ProxyHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ReplayProxy.class.getName());

    private final Harness harness;
    private final ControlEndpoints control;
    private final ProxiedExchange exchange;

    ProxyHandler(Harness harness, URI upstream, HttpClient client, TestSessions sessions, int missStatus) {
        this.harness = harness;
        this.control = new ControlEndpoints(harness, upstream, sessions);
        this.exchange = new ProxiedExchange(harness, upstream, client, sessions, missStatus);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        try {
            if (path != null && (path.startsWith(ReplayProxy.CONTROL_PREFIX) || path.equals("/__harness"))) {
                control.handle(request, response, callback, path);
            } else {
                exchange.handle(request, response, callback);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(
                    Level.ERROR,
                    "Replay Harness proxy: " + request.getMethod() + " "
                            + harness.redact(String.valueOf(request.getHttpURI().getPath())) + " failed: "
                            + e.getClass().getName());
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                JsonBodies.send(
                        response,
                        callback,
                        500,
                        JsonBodies.error(
                                "proxy_error",
                                "Replay Harness proxy: internal"
                                        + " error " + e.getClass().getName() + ": "
                                        + harness.redact(String.valueOf(e.getMessage()))
                                        + ". Please report it with the request that caused it."),
                        Map.of());
            }
        }
        return true;
    }
}
