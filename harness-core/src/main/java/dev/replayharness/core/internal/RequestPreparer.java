package dev.replayharness.core.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import dev.replayharness.core.Headers;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.RecordedRequest;

/** Redacts an outgoing request into its recorded form and derives its canonical forms. */
public final class RequestPreparer {
    private RequestPreparer() {
    }

    /**
     * A request ready for lookup.
     *
     * @param recorded what a recording of it would hold
     * @param testScoped its canonical form with the test identity, or {@code null} without one
     * @param shared its canonical form without the test identity
     */
    public record Prepared(RecordedRequest recorded, String path, CanonicalRequest testScoped, CanonicalRequest shared) {
        /** The form that identifies the request within a session: test-scoped when there is a test. */
        public CanonicalRequest primary() {
            return testScoped != null ? testScoped : shared;
        }
    }

    public static Prepared prepare(OutgoingRequest request, Settings settings, Redactor redactor, String testId) {
        request.headers().asMap().forEach((name, values) -> {
            if (Redactor.isCredentialHeader(name)) {
                values.forEach(redactor::learnFromHeader);
            }
        });
        URI uri = request.uri();
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = redactQuery(uri.getRawQuery(), redactor);
        Headers headers = request.headers().filter((name, value) ->
                settings.requestHeaders().contains(name) && !Redactor.isCredentialHeader(name));
        headers = redactValues(headers, redactor);
        List<RequestNormalizer> normalizers = settings.normalizersFor(method, path);
        RecordedRequest recorded = new RecordedRequest(method, url(uri, path, query), headers,
                BodyCodec.encode(request.body(), redactor::redact, redactor::redact),
                normalizers.stream().map(RequestNormalizer::spec).toList());
        CanonicalRequest shared = CanonicalRequest.of(recorded, null);
        CanonicalRequest scoped = testId == null ? null : CanonicalRequest.of(recorded, testId);
        return new Prepared(recorded, path, scoped, shared);
    }

    static Headers redactValues(Headers headers, Redactor redactor) {
        Headers.Builder builder = Headers.builder();
        headers.asMap().forEach((name, values) -> values.forEach(v -> builder.add(name, redactor.redact(v))));
        return builder.build();
    }

    private static String redactQuery(String rawQuery, Redactor redactor) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : rawQuery.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (eq >= 0 && Redactor.isCredentialQueryParameter(name)) {
                out.append(name).append('=').append(Redactor.PLACEHOLDER);
            } else {
                out.append(redactor.redact(part));
            }
        }
        return out.toString();
    }

    /** The URL as recorded: a loopback upstream's ephemeral port is left out so re-recording does not churn. */
    private static String url(URI uri, String path, String query) {
        StringBuilder url = new StringBuilder();
        url.append(uri.getScheme() == null ? "http" : uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0 && !isLoopback(uri)) {
            url.append(':').append(uri.getPort());
        }
        url.append(path);
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    /** Whether the URI's host is a loopback address (127.0.0.0/8, ::1, localhost); no DNS lookup for names. */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: resolving it could reach the network
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
