package dev.replayharness.proxy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Which headers a proxy must not pass on (RFC 9110 section 7.6.1): the hop-by-hop ones, those the
 * {@code Connection} header names, the harness's own {@code X-Replay-Harness-*} headers, and those
 * the forwarding client sets itself ({@code Host}, {@code Content-Length}, {@code Expect}).
 */
final class HopByHop {
    private static final Set<String> ALWAYS = Set.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    private HopByHop() {}

    /** The extra names a {@code Connection} header value lists, lower-cased. */
    static Set<String> namedByConnection(Iterable<String> connectionValues) {
        Set<String> names = new TreeSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Whether a request or response header with this name stays on this hop. */
    static boolean isDropped(String name, Set<String> connectionNamed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALWAYS.contains(lower)
                || lower.startsWith("proxy-")
                || lower.startsWith(":")
                || lower.startsWith(ReplayProxy.HEADER_PREFIX)
                || connectionNamed.contains(lower);
    }

    /** Whether the client accepts a body in {@code encoding} (none counts as accepted). */
    static boolean acceptsEncoding(Request request, Optional<String> encoding) {
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
}
