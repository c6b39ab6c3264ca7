package dev.replayharness.core.key;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.json.IJson;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.redact.Redactor;

import tools.jackson.databind.JsonNode;

/**
 * One stage, one output: turns an outgoing request into its {@link KeyedRequest}, the request a
 * recording holds (redacted here, the one point where a request is: credential headers and query
 * values are learned as secrets, then path, query, recorded headers and body are redacted) and its
 * shared and test-scoped keys. Whether a JSON body is keyed as JSON or as bytes is decided once,
 * before hashing. Thread-safe when its redactor is.
 */
public final class RequestKeyer {
    private final Set<String> recordedHeaders;
    private final List<NormalizerRule> normalizers;
    private final Redactor redactor;
    private final String testId;

    /**
     * @param recordedHeaders the request headers a recording keeps (credential headers never are)
     * @param normalizers the request normalizers and the endpoints they apply to
     * @param redactor the session's redactor, which learns the credentials requests carry
     * @param testId the test identity of the test-scoped key, or {@code null} for shared keys only
     */
    public RequestKeyer(
            Set<String> recordedHeaders, List<NormalizerRule> normalizers, Redactor redactor, String testId) {
        this.recordedHeaders = recordedHeaders;
        this.normalizers = normalizers;
        this.redactor = redactor;
        this.testId = testId;
    }

    public KeyedRequest key(OutgoingRequest request) {
        request.headers().asMap().forEach((name, values) -> {
            if (Redactor.isCredentialHeader(name)) {
                values.forEach(redactor::learnFromHeader);
            }
        });
        URI uri = request.uri();
        redactor.learnFromQuery(uri.getRawQuery());
        String method = request.method().toUpperCase(Locale.ROOT);
        // The path is redacted too: a token in it would reach the file and the key (a CI run with another token would
        // miss).
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : redactor.redact(uri.getRawPath());
        String query = redactor.redactQuery(uri.getRawQuery());
        Headers headers = redactor.redactValues(request.headers()
                .filter((name, value) -> recordedHeaders.contains(name) && !Redactor.isCredentialHeader(name)));
        List<String> specs = normalizers.isEmpty()
                ? List.of()
                : normalizers.stream()
                        .filter(r -> r.applies(method, path))
                        .map(r -> r.normalizer().spec())
                        .toList();
        boolean loopback = RecordedUrl.isLoopback(uri);
        RecordedRequest recorded = new RecordedRequest(
                method, RecordedUrl.of(uri, loopback, path, query), headers, body(request.body()), specs);
        CanonicalRequest.Forms forms = CanonicalRequest.forms(recorded, testId); // one pass over the body for both keys
        return new KeyedRequest(recorded, path, loopback, forms.testScoped(), forms.shared());
    }

    /**
     * The body as recorded, redacted: JSON when it parses as I-JSON; a JSON body that is not (a lone
     * surrogate, a number beyond double range) cannot be held by a file as JSON faithfully, so it is
     * recorded, and keyed, as the bytes it is sent as (JSON compact), decided here before any hashing.
     */
    private Body body(byte[] bytes) {
        Body body = BodyCodec.encode(bytes, json -> redactJson(json, bytes), redactor::redact);
        if (body instanceof Body.Json json && !IJson.canonicalizable(json.value(), hasBackslash(bytes))) {
            return new Body.Binary(Json.compact(json.value())); // its strings are redacted already
        }
        if (body instanceof Body.Binary binary) {
            return new Body.Binary(redactor.redact(binary.bytes())); // bytes are keyed as recorded: redacted
        }
        return body;
    }

    /**
     * Redacts a parsed JSON body. Redacting the tree runs every credential pattern over every string and
     * copies the tree, which was a third of replay's time. When the body holds no backslash, every string
     * in it (and every member name) appears verbatim in its text between quotes, which are not word
     * characters, so a credential the per-string pass would find is also found by one pass over the whole
     * text: when that pass finds none, the tree is already clean and is kept as parsed.
     */
    private JsonNode redactJson(JsonNode json, byte[] body) {
        if (hasBackslash(body)) {
            return redactor.redact(json); // an escape could hide a credential from the text pass
        }
        return redactor.containsSecret(new String(body, StandardCharsets.UTF_8)) ? redactor.redact(json) : json;
    }

    /** A lone surrogate, or an escaped credential, can only be in a JSON text with a backslash. */
    private static boolean hasBackslash(byte[] body) {
        for (byte b : body) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }
}
