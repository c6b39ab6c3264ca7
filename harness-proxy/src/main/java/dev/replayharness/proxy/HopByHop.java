package dev.replayharness.proxy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers a proxy must not pass on (RFC 9110 section 7.6.1): the hop-by-hop ones, those the
 * {@code Connection} header names, the harness's own {@code X-Replay-Harness-*} headers, and those
 * the forwarding client sets itself ({@code Host}, {@code Content-Length}, {@code Expect}).
 */
final class HopByHop {
    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "http2-settings");

    private HopByHop() {
    }

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
        return ALWAYS.contains(lower) || lower.startsWith("proxy-") || lower.startsWith(":")
                || lower.startsWith(ReplayProxy.HEADER_PREFIX) || connectionNamed.contains(lower);
    }
}
