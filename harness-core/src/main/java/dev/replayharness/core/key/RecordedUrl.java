package dev.replayharness.core.key;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The URL as a recording holds it: without a loopback upstream's ephemeral port, so re-recording does not churn. */
final class RecordedUrl {
    /** An IPv4 literal, or an IPv6 literal in brackets as URI.getHost() gives it; never a name such as "cafe". */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

    private RecordedUrl() {}

    /** {@code uri} with the (redacted) {@code path} and {@code query}. */
    static String of(URI uri, boolean loopback, String path, String query) {
        StringBuilder url = new StringBuilder();
        url.append(uri.getScheme() == null ? "http" : uri.getScheme())
                .append("://")
                .append(host(uri));
        if (uri.getPort() >= 0 && !loopback) {
            url.append(':').append(uri.getPort());
        }
        url.append(path);
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    /** The host; for names java.net.URI cannot parse as one (e.g. with '_'), the authority without user info. */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && !hostAndPort.endsWith("]") ? hostAndPort.substring(0, colon) : hostAndPort;
    }

    /** Whether the URI's host is a loopback address (127.0.0.0/8, ::1, localhost); no DNS lookup for names. */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!ADDRESS_LITERAL.matcher(host).matches()) {
            return false; // a name: resolving it could reach the network
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
