package dev.replayharness.core.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.json.Jcs;
import dev.replayharness.core.json.JcsOutput;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordingKey;

import tools.jackson.databind.JsonNode;

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
 * <p>The member names are fixed, so their sorted order is too: the form is written member by member
 * straight into SHA-256, and {@code test} (last in that order) can be appended to a copy of the digest
 * of the shared form, so both keys of a test's request cost one pass over the body
 * ({@link #forms}). The text ({@link #json()}) is only written when asked for, e.g. by a miss report;
 * it reads the body again, which must not have been changed meanwhile.
 */
public final class CanonicalRequest {
    private static final MessageDigest SHA_256 = sha256();
    // The fixed parts of the form, in the sorted member order: body or bodyBase64, method, path, query, test.
    private static final byte[] BODY = ascii("{\"body\":");
    private static final byte[] BODY_BASE64 = ascii("{\"bodyBase64\":");
    private static final byte[] METHOD_AFTER_BODY = ascii(",\"method\":");
    private static final byte[] METHOD_FIRST = ascii("{\"method\":");
    private static final byte[] PATH = ascii(",\"path\":");
    private static final byte[] TEST = ascii(",\"test\":");

    private final Parts parts;
    private final String testId;
    private final RecordingKey key;
    private volatile String json;

    /** Finishes a form whose members up to where {@code test} goes were written through {@code out} into {@code digest}. */
    private CanonicalRequest(Parts parts, String testId, JcsOutput out, MessageDigest digest) {
        this.parts = parts;
        this.testId = testId;
        if (testId != null) {
            writeTest(testId, out);
        }
        out.ascii('}');
        out.flush();
        this.key = new RecordingKey(HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * A request's shared form and, with a test identity, its test-scoped form.
     *
     * @param shared the form without the test identity
     * @param testScoped the form with it, or {@code null} when there is no test identity
     */
    public record Forms(CanonicalRequest shared, CanonicalRequest testScoped) {}

    /**
     * The canonical form of a recorded request (the key input is always derived from what is
     * written, so a file's key can be recomputed from the file).
     *
     * @param request the redacted request, whose {@code normalizers} are applied to a copy of a JSON body
     * @param testId the test identity, or {@code null} for a shared recording
     */
    public static CanonicalRequest of(RecordedRequest request, String testId) {
        Prefix prefix = Prefix.of(parts(request));
        return new CanonicalRequest(prefix.parts(), testId, prefix.out(), prefix.digest());
    }

    /** Both forms of a recorded request, hashing the body once. */
    public static Forms forms(RecordedRequest request, String testId) {
        Prefix prefix = Prefix.of(parts(request));
        JcsOutput out = prefix.out();
        if (testId == null) {
            return new Forms(new CanonicalRequest(prefix.parts(), null, out, prefix.digest()), null);
        }
        out.flush();
        MessageDigest scopedDigest = copy(prefix.digest()); // the state after the shared prefix, hashed once
        CanonicalRequest shared = new CanonicalRequest(prefix.parts(), null, out, prefix.digest());
        out.switchDigest(scopedDigest);
        return new Forms(shared, new CanonicalRequest(prefix.parts(), testId, out, scopedDigest));
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
    public static CanonicalRequest of(
            String method,
            String rawPath,
            String rawQuery,
            Body body,
            List<RequestNormalizer> normalizers,
            String testId) {
        Prefix prefix = Prefix.of(parts(method, rawPath, rawQuery, body, normalizers));
        return new CanonicalRequest(prefix.parts(), testId, prefix.out(), prefix.digest());
    }

    private static Parts parts(RecordedRequest request) {
        PathAndQuery url = PathAndQuery.of(request.url());
        List<RequestNormalizer> normalizers = request.normalizers().isEmpty()
                ? List.of()
                : request.normalizers().stream().map(RequestNormalizer::parse).toList();
        return parts(request.method(), url.rawPath(), url.rawQuery(), request.body(), normalizers);
    }

    private static Parts parts(
            String method, String rawPath, String rawQuery, Body body, List<RequestNormalizer> normalizers) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : CanonicalPath.of(rawPath); // %3A and : are one key
        List<List<String>> query = rawQuery == null || rawQuery.isEmpty() ? null : queryPairs(rawQuery);
        if (body instanceof Body.Json json) {
            return new Parts(method, path, query, normalize(json.value(), normalizers), null);
        }
        String base64 = body == null ? null : Base64.getEncoder().encodeToString(BodyCodec.decode(body));
        return new Parts(method, path, query, null, base64);
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

    /**
     * Splits a raw query into [name, value] pairs (value "" when absent), sorted by name, then value: the
     * query as the key sees it. {@code null} or empty gives an empty list.
     */
    public static List<List<String>> queryPairs(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
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

    /**
     * Whether a JSON body is in this form as JSON. False when there is no JSON body, or when it is not I-JSON
     * (a lone surrogate, a number beyond double range) and is keyed as {@code bodyBase64} of its compact bytes,
     * whose member order counts.
     */
    public boolean keysBodyAsJson() {
        return parts.json() != null;
    }

    /** The canonical text. */
    public String json() {
        String text = json;
        if (text == null) {
            JcsOutput out = JcsOutput.collecting();
            parts.writeWithoutTest(out);
            if (testId != null) {
                writeTest(testId, out);
            }
            out.ascii('}');
            text = out.text();
            json = text;
        }
        return text;
    }

    /** The SHA-256 of the UTF-8 bytes of the canonical text. */
    public RecordingKey key() {
        return key;
    }

    private static void writeTest(String testId, JcsOutput out) {
        out.raw(TEST);
        Jcs.writeString(testId, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalRequest other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return json();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Copies a digest's state (cheaper than looking the algorithm up again). */
    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    /**
     * Every member but {@code test}, written through {@code out} into {@code digest} (perhaps still
     * buffered in {@code out}). A JSON body that is not I-JSON (a lone surrogate, a number beyond double
     * range) is keyed as {@code bodyBase64} of its compact bytes instead.
     */
    private record Prefix(Parts parts, JcsOutput out, MessageDigest digest) {
        static Prefix of(Parts parts) {
            MessageDigest digest = copy(SHA_256);
            JcsOutput out = JcsOutput.digesting(digest);
            try {
                parts.writeWithoutTest(out);
                return new Prefix(parts, out, digest);
            } catch (Jcs.NotCanonicalizableException e) {
                if (parts.json() == null) {
                    throw e;
                }
                return of(parts.asBase64());
            }
        }
    }

    /** The members of the form; {@code json} or {@code base64} (or neither) is the body. */
    private record Parts(String method, String path, List<List<String>> query, JsonNode json, String base64) {

        void writeWithoutTest(JcsOutput out) {
            if (json != null) {
                out.raw(BODY);
                Jcs.write(json, out);
                out.raw(METHOD_AFTER_BODY);
            } else if (base64 != null) {
                out.raw(BODY_BASE64);
                Jcs.writeString(base64, out);
                out.raw(METHOD_AFTER_BODY);
            } else {
                out.raw(METHOD_FIRST);
            }
            Jcs.writeString(method, out);
            out.raw(PATH);
            Jcs.writeString(path, out);
            if (query != null) {
                out.ascii(",\"query\":[");
                for (int i = 0; i < query.size(); i++) {
                    out.ascii(i == 0 ? "[" : ",[");
                    Jcs.writeString(query.get(i).get(0), out);
                    out.ascii(',');
                    Jcs.writeString(query.get(i).get(1), out);
                    out.ascii(']');
                }
                out.ascii(']');
            }
        }

        Parts asBase64() {
            return new Parts(method, path, query, null, Base64.getEncoder().encodeToString(Json.compact(json)));
        }
    }
}
