package dev.replayharness.openaisdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.openai.core.http.HttpRequest;
import com.openai.core.http.QueryParams;

/**
 * The URL of an SDK request, percent-encoded as RFC 3986 wants it: each path segment is one segment
 * (a {@code /} or space inside it becomes {@code %2F} or {@code %20}, never {@code +}; a segment {@code .}
 * or {@code ..} is sent as {@code %2E} or {@code %2E%2E}, so no server resolves it), and each query
 * name and value is one component ({@code &}, {@code =}, {@code +} and space encoded).
 *
 * <p>The SDK's own {@code HttpRequest.url()} form-encodes path segments ({@code a b} becomes
 * {@code a+b}), which a server reads as a literal plus; this class does not.
 */
final class SdkRequestUri {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SdkRequestUri() {}

    /**
     * {@code baseUrl} + {@code /segment}… + {@code ?name=value&…}.
     *
     * @throws IllegalArgumentException naming the base URL when it is not an absolute http(s) URL
     */
    static URI of(HttpRequest request) {
        String base = request.baseUrl();
        URI parsed;
        try {
            parsed = new URI(base);
        } catch (URISyntaxException e) {
            throw badBase(base, "it does not parse (" + e.getReason() + ")");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw badBase(base, "it is not an absolute http:// or https:// URL");
        }
        if (parsed.getRawAuthority() == null || parsed.getRawAuthority().isEmpty()) {
            throw badBase(base, "it has no host");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw badBase(
                    base, "it has a query or fragment; put query parameters in ClientOptions.Builder.putQueryParam");
        }
        StringBuilder url = new StringBuilder(base);
        for (String segment : request.pathSegments()) {
            if (url.charAt(url.length() - 1) != '/') {
                url.append('/');
            }
            if (segment.equals(".") || segment.equals("..")) {
                url.append(
                        segment.equals(".")
                                ? "%2E"
                                : "%2E%2E"); // a literal segment, not a dot-segment a server would resolve
            } else {
                encode(segment, url, true);
            }
        }
        QueryParams query = request.queryParams();
        if (!query.isEmpty()) {
            char separator = '?';
            for (String name : query.keys()) {
                for (String value : query.values(name)) {
                    url.append(separator);
                    encode(name, url, false);
                    url.append('=');
                    encode(value, url, false);
                    separator = '&';
                }
            }
        }
        return URI.create(url.toString());
    }

    private static IllegalArgumentException badBase(String base, String why) {
        return new IllegalArgumentException("The OpenAI SDK base URL '" + base + "' cannot be used: " + why
                + ". Set an absolute URL such as https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1 with"
                + " ClientOptions.Builder.baseUrl(...).");
    }

    /**
     * Appends {@code text} percent-encoded (UTF-8). Unreserved characters stay as they are; in a path
     * segment the sub-delimiters and {@code :} {@code @} stay too, except {@code ;} and {@code +}.
     */
    static void encode(String text, StringBuilder out, boolean pathSegment) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || pathSegment && "!$&'()*,=:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
