package dev.replayharness.bedrock.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a short-term Bedrock key says about its own lifetime. Such a key is
 * {@code bedrock-api-key-} followed by the base64 of a SigV4 presigned URL, typically
 * {@code bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Date=20250101T000000Z&X-Amz-Expires=43200&…&Version=1}.
 * Decoding is lenient (standard or URL-safe alphabet, padding optional, a plain {@code &…} tail
 * after the base64) because keys get mangled by copy and paste. Nothing decoded ever goes into a
 * message: the URL carries a signature and a session token.
 *
 * @param issuedAt the signing time ({@code X-Amz-Date})
 * @param validity how long the signature holds ({@code X-Amz-Expires})
 */
public record ShortTermKey(Instant issuedAt, Duration validity) {

    private static final String PREFIX = "bedrock-api-key-";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** When the key stops working. */
    public Instant expiresAt() {
        return issuedAt.plus(validity);
    }

    /** True if the key no longer works at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /**
     * Decodes a {@code bedrock-api-key-…} token.
     *
     * @return empty if the token is not a short-term key (no prefix)
     * @throws IllegalArgumentException naming the part that is wrong, never quoting the token
     */
    public static Optional<ShortTermKey> decode(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> query =
                queryOf(presignedUrl(token.substring(PREFIX.length()).strip()));
        String date = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        if (date == null || expires == null) {
            throw new IllegalArgumentException("the decoded presigned URL has no "
                    + (date == null ? "X-Amz-Date" : "X-Amz-Expires") + " parameter");
        }
        try {
            Instant issued = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
            Duration validity = Duration.ofSeconds(Long.parseLong(expires));
            if (validity.isNegative()) {
                throw new IllegalArgumentException("X-Amz-Expires is negative");
            }
            return Optional.of(new ShortTermKey(issued, validity));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("X-Amz-Date or X-Amz-Expires in the decoded presigned URL is not valid");
        }
    }

    private static String presignedUrl(String body) {
        int end = 0;
        while (end < body.length() && isBase64Char(body.charAt(end))) {
            end++;
        }
        String base64 =
                body.substring(0, end).replace('-', '+').replace('_', '/').replace("=", "");
        String tail = body.substring(end); // e.g. "&Version=1" appended outside the base64
        if (base64.isEmpty() || base64.length() % 4 == 1 || !(tail.isEmpty() || tail.startsWith("&"))) {
            throw new IllegalArgumentException("what follows " + PREFIX + " is not base64");
        }
        String padded = base64 + "==".substring(0, (4 - base64.length() % 4) % 4);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("what follows " + PREFIX + " is not base64");
        }
        String url = new String(bytes, StandardCharsets.UTF_8);
        if (!url.contains("X-Amz-")) {
            throw new IllegalArgumentException("the decoded text is not a presigned URL");
        }
        return url + tail;
    }

    private static Map<String, String> queryOf(String url) {
        int question = url.indexOf('?');
        String query = question < 0 ? url : url.substring(question + 1);
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_'
                || c == '=';
    }
}
