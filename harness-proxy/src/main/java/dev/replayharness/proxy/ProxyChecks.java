package dev.replayharness.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The checks behind {@link ReplayProxy.Builder}'s settings: each returns the value or says what is wrong and the fix. */
final class ProxyChecks {
    /** Statuses SDKs retry (5xx too): a miss answered with one would be retried, count as the next request and miss again. */
    private static final Set<Integer> RETRIED = Set.of(408, 409, 429);

    private ProxyChecks() {}

    static URI upstream(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
        String problem = !scheme.equals("http") && !scheme.equals("https")
                ? "it is not an absolute http or https URL"
                : upstream.getHost() == null
                        ? "it has no host"
                        : upstream.getRawUserInfo() != null
                                ? "it has user info (credentials do not belong in the URL; the client sends them)"
                                : upstream.getRawQuery() != null
                                        ? "it has a query"
                                        : upstream.getRawFragment() != null ? "it has a fragment" : null;
        if (problem != null) {
            // Never echo user info: it may be a credential.
            String shown = upstream.getRawUserInfo() == null
                    ? upstream.toString()
                    : scheme + "://" + upstream.getHost() + (upstream.getPort() < 0 ? "" : ":" + upstream.getPort());
            throw new IllegalArgumentException("Invalid upstream '" + shown + "': " + problem
                    + ". Give a base URL such as https://api.openai.com or http://127.0.0.1:8081/openai.");
        }
        return upstream;
    }

    static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + ": use 0 (any free port) to 65535.");
        }
        return port;
    }

    static int missStatus(int status) {
        if (status < 400 || status > 499 || RETRIED.contains(status)) {
            throw new IllegalArgumentException("Invalid miss status " + status + ": use a 4xx status that SDKs do not "
                    + "retry (not 408, 409 or 429); the default is " + ReplayProxy.DEFAULT_MISS_STATUS + ".");
        }
        return status;
    }
}
