package dev.replayharness.core.key;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical spelling of a raw URL path in the key, so that spellings a server cannot tell apart are
 * one key: {@code /model/openai.gpt-oss-20b-1%3A0/converse} and {@code /model/openai.gpt-oss-20b-1:0/converse}
 * are the same request.
 *
 * <p>Each segment between {@code /} is percent-decoded to bytes and re-encoded: an unreserved character
 * (RFC 3986 §2.3: {@code A-Z a-z 0-9 - . _ ~}) is written as itself, every other byte as {@code %XX} in
 * upper-case hex. {@code %2F} thus stays {@code %2F}, distinct from the {@code /} that separates segments.
 * The equivalence is the one RFC 3986 §3.3 allows in a segment (a sub-delim, {@code :} or {@code @} may be
 * spelled either way); the representative is the encoded one because that is what the AWS SDK sends (and
 * what SigV4 signs), so every recording the SDK made keeps its file name. A {@code %} not followed by two
 * hex digits is a literal {@code %} ({@code %25}).
 */
final class CanonicalPath {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalPath() {}

    /** The canonical form of a raw path; a path that is already canonical is returned as it is. */
    static String of(String rawPath) {
        if (isCanonical(rawPath)) {
            return rawPath; // the common case (/openai/v1/chat/completions): no copy
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            encode(decode(rawPath, start, end), out);
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    private static boolean isCanonical(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' && !unreserved(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(String path, int start, int end) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        int i = start;
        while (i < end) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < end && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                bytes.write(hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2)));
                i += 3;
            } else {
                int next = Character.isHighSurrogate(c) && i + 1 < end ? i + 2 : i + 1;
                bytes.writeBytes(path.substring(i, next).getBytes(StandardCharsets.UTF_8));
                i = next;
            }
        }
        return bytes.toByteArray();
    }

    private static void encode(byte[] bytes, StringBuilder out) {
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
