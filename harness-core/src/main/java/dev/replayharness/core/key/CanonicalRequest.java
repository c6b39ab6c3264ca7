package dev.replayharness.core.key;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;

import dev.replayharness.core.internal.BodyCodec;
import dev.replayharness.core.internal.Jcs;
import dev.replayharness.core.internal.Json;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a (redacted, normalized) request: a JSON object serialized with RFC 8785,
 * whose SHA-256 is the {@link RecordingKey}.
 *
 * <pre>{"body":…,"method":"POST","path":"/openai/v1/chat/completions","query":[["a","1"]],"test":"…"}</pre>
 *
 * <p>{@code body} is the JSON body itself when the body parses as JSON, else {@code bodyBase64}
 * holds the bytes; both are absent for an empty body. {@code query} is absent without a query
 * string; {@code test} is absent for a shared recording. Host, scheme, port and headers never enter
 * the form: the same call against another region or a loopback emulator has the same key, and
 * credentials (which travel in headers) cannot change it.
 *
 * @param json the canonical text
 */
public record CanonicalRequest(String json) {

    /**
     * The canonical form of a recorded request (the key input is always derived from what is
     * written, so a file's key can be recomputed from the file).
     *
     * @param request the redacted request, whose {@code normalizers} are applied to a copy of a JSON body
     * @param testId the test identity, or {@code null} for a shared recording
     */
    public static CanonicalRequest of(RecordedRequest request, String testId) {
        URI uri = URI.create(request.url());
        List<RequestNormalizer> normalizers = request.normalizers().stream().map(RequestNormalizer::parse).toList();
        return of(request.method(), uri.getRawPath(), uri.getRawQuery(), request.body(), normalizers, testId);
    }

    /**
     * Builds the canonical form.
     *
     * @param method the HTTP method
     * @param rawPath the path as sent (percent-encoded); empty means {@code /}
     * @param rawQuery the query string as sent, credentials already redacted; {@code null} or empty for none
     * @param body the redacted body, or {@code null}
     * @param normalizers applied to a copy of a JSON body, in order
     * @param testId the test identity, or {@code null} for a shared recording
     */
    public static CanonicalRequest of(String method, String rawPath, String rawQuery, Body body,
            List<RequestNormalizer> normalizers, String testId) {
        ObjectNode form = Json.MAPPER.createObjectNode();
        form.put("method", method);
        form.put("path", rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ArrayNode query = form.putArray("query");
            queryPairs(rawQuery).forEach(pair -> query.addArray().add(pair.get(0)).add(pair.get(1)));
        }
        if (body instanceof Body.Json json) {
            form.set("body", normalize(json.value(), normalizers));
        } else if (body != null) {
            form.put("bodyBase64", Base64.getEncoder().encodeToString(BodyCodec.decode(body)));
        }
        if (testId != null) {
            form.put("test", testId);
        }
        try {
            return new CanonicalRequest(Jcs.canonicalize(form));
        } catch (Jcs.NotCanonicalizableException e) {
            if (!(body instanceof Body.Json json)) {
                throw e;
            }
            // Not I-JSON (a lone surrogate, a number beyond double range): key the compact bytes instead.
            form.remove("body");
            form.put("bodyBase64", Base64.getEncoder().encodeToString(Json.compact(json.value())));
            return new CanonicalRequest(Jcs.canonicalize(form));
        }
    }

    /** Applies normalizers to a copy of {@code body}. */
    public static JsonNode normalize(JsonNode body, List<RequestNormalizer> normalizers) {
        if (normalizers.isEmpty()) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        normalizers.forEach(n -> n.apply(copy));
        return copy;
    }

    /** Splits a raw query into [name, value] pairs (value "" when absent), sorted by name, then value. */
    static List<List<String>> queryPairs(String rawQuery) {
        List<List<String>> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            pairs.add(eq < 0 ? List.of(part, "") : List.of(part.substring(0, eq), part.substring(eq + 1)));
        }
        pairs.sort(Comparator.<List<String>, String>comparing(p -> p.get(0)).thenComparing(p -> p.get(1)));
        return pairs;
    }

    /** The SHA-256 of the UTF-8 bytes of the canonical text. */
    public RecordingKey key() {
        return new RecordingKey(DigestUtils.sha256Hex(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return json;
    }
}
