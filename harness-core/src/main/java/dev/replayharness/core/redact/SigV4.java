package dev.replayharness.core.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an AWS Signature Version 4 (or 4a) {@code Authorization} value: {@code AWS4-HMAC-SHA256
 * Credential=AKID/date/region/service/aws4_request, SignedHeaders=..., Signature=hex}. Its one
 * credential is the access key id; the secret key never travels and the session token has its own header.
 */
final class SigV4 {
    /** The scheme ({@code AWS4-HMAC-SHA256}, {@code AWS4-ECDSA-P256-SHA256}) and the key id before the scope. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)^AWS4-[A-Z0-9-]+\\s+.*?\\bCredential=([^/,\\s]+)/");

    private SigV4() {}

    /** The access key id of a SigV4 header value, or {@code null} when the value is not one. */
    static String accessKeyId(String value) {
        if (!value.regionMatches(true, 0, "AWS4-", 0, 5)) {
            return null; // the common case (Bearer) costs one comparison
        }
        Matcher m = CREDENTIAL.matcher(value);
        return m.find() ? m.group(1) : null;
    }
}
