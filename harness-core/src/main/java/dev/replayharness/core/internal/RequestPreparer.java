package dev.replayharness.core.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.replayharness.core.Headers;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import tools.jackson.databind.JsonNode;

/** Redacts an outgoing request into its recorded form and derives its canonical forms. */
public final class RequestPreparer {
    /** An IPv4 literal, or an IPv6 literal in brackets as URI.getHost() gives it; never a name such as "cafe". */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

    private RequestPreparer() {
    }

    public static KeyedRequest prepare(OutgoingRequest request, Settings settings, Redactor redactor, String testId) {
        request.headers().asMap().forEach((name, values) -> {
            if (Redactor.isCredentialHeader(name)) {
                values.forEach(redactor::learnFromHeader);
            }
        });
        URI uri = request.uri();
        redactor.learnFromQuery(uri.getRawQuery());
        String method = request.method().toUpperCase(Locale.ROOT);
        // The path is redacted too: a token in it would reach the file and the key (a CI run with another token would miss).
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : redactor.redact(uri.getRawPath());
        String query = redactor.redactQuery(uri.getRawQuery());
        Headers headers = request.headers().filter((name, value) ->
                settings.requestHeaders().contains(name) && !Redactor.isCredentialHeader(name));
        headers = redactValues(headers, redactor);
        List<RequestNormalizer> normalizers = settings.normalizersFor(method, path);
        Body body = BodyCodec.encode(request.body(), json -> redactJson(json, request.body(), redactor), redactor::redact);
        if (body instanceof Body.Binary binary) {
            body = new Body.Binary(redactor.redact(binary.bytes())); // bytes are keyed as recorded: redacted
        }
        RecordedRequest recorded = new RecordedRequest(method, url(uri, path, query), headers, body,
                normalizers.isEmpty() ? List.of() : normalizers.stream().map(RequestNormalizer::spec).toList());
        CanonicalRequest.Forms forms = CanonicalRequest.forms(recorded, testId); // one pass over the body for both keys
        if (recorded.body() instanceof Body.Json json && !forms.shared().keysBodyAsJson()) {
            // Not I-JSON (a lone surrogate, a number beyond double range): a file would not hold it as JSON
            // faithfully, so it is recorded, and keyed, as the bytes it is sent as (JSON compact).
            recorded = new RecordedRequest(method, recorded.url(), headers, new Body.Binary(Json.compact(json.value())),
                    recorded.normalizers());
            forms = CanonicalRequest.forms(recorded, testId);
        }
        return new KeyedRequest(recorded, path, forms.testScoped(), forms.shared());
    }

    /**
     * Redacts a parsed JSON body. Redacting the tree runs every credential pattern over every string and
     * copies the tree, which was a third of replay's time. When the body holds no backslash, every string
     * in it (and every member name) appears verbatim in its text between quotes, which are not word
     * characters, so a credential the per-string pass would find is also found by one pass over the whole
     * text: when that pass finds none, the tree is already clean and is kept as parsed.
     */
    static JsonNode redactJson(JsonNode json, byte[] body, Redactor redactor) {
        for (byte b : body) {
            if (b == '\\') {
                return redactor.redact(json); // an escape could hide a credential from the text pass
            }
        }
        return redactor.containsSecret(new String(body, StandardCharsets.UTF_8)) ? redactor.redact(json) : json;
    }

    static Headers redactValues(Headers headers, Redactor redactor) {
        Headers.Builder builder = Headers.builder();
        headers.asMap().forEach((name, values) -> values.forEach(v -> builder.add(name, redactor.redact(v))));
        return builder.build();
    }

    /** The URL as recorded: a loopback upstream's ephemeral port is left out so re-recording does not churn. */
    private static String url(URI uri, String path, String query) {
        StringBuilder url = new StringBuilder();
        url.append(uri.getScheme() == null ? "http" : uri.getScheme()).append("://").append(host(uri));
        if (uri.getPort() >= 0 && !isLoopback(uri)) {
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
    public static boolean isLoopback(URI uri) {
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
