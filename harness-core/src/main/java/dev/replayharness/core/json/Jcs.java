package dev.replayharness.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

import org.erdtman.jcs.NumberToJSON;

import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: object members sorted by UTF-16 code
 * units, no whitespace, strings escaped as ECMAScript's JSON.stringify does, every number
 * serialized as the IEEE-754 double it denotes in ECMAScript Number.toString form (so 0.7, 0.70
 * and 7e-1 are all {@code 0.7}).
 *
 * <p>The form is written as UTF-8 straight into an {@link Output}, which feeds a digest a buffer at a
 * time: keying a 10 MB body never builds a 10 MB string, nor encodes one.
 */
public final class Jcs {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Integers up to 2^53 are exact doubles, so their ECMAScript form is their decimal digits. */
    private static final long MAX_EXACT = 1L << 53;

    private Jcs() {
    }

    /** Thrown for values JCS cannot represent: lone surrogates, non-finite numbers. */
    public static final class NotCanonicalizableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCanonicalizableException(String message) {
            super(message);
        }
    }

    /**
     * Whether {@link #write} can write {@code node}: no number beyond double range and, when
     * {@code checkStrings}, no lone UTF-16 surrogate in a string or member name (a caller that knows the
     * text had no escape knows there is none). One walk of the tree, no output.
     */
    public static boolean canonicalizable(JsonNode node, boolean checkStrings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (checkStrings && hasLoneSurrogate(member.getKey()) || !canonicalizable(member.getValue(), checkStrings)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (!canonicalizable(node.get(i), checkStrings)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isString()) {
            return !checkStrings || !hasLoneSurrogate(node.stringValue());
        }
        if (node.isNumber()) {
            if (node.isBigDecimal()) {
                return Double.isFinite(node.decimalValue().doubleValue());
            }
            if (node.isBigInteger()) {
                return Double.isFinite(node.bigIntegerValue().doubleValue());
            }
            return !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue());
        }
        return node.isBoolean() || node.isNull();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical form as a string. */
    public static String canonicalize(JsonNode node) {
        Output out = Output.collecting();
        write(node, out);
        return out.text();
    }

    /** Writes the canonical form of {@code node} to {@code out}. */
    public static void write(JsonNode node, Output out) {
        if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            out.ascii('[');
            int size = node.size();
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                write(node.get(i), out);
            }
            out.ascii(']');
        } else if (node.isString()) {
            writeString(node.stringValue(), out);
        } else if (node.isNumber()) {
            writeNumber(node, out);
        } else if (node.isBoolean()) {
            out.ascii(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.ascii("null");
        } else {
            throw new NotCanonicalizableException("not a JSON value: " + node.getNodeType());
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(JsonNode node, Output out) {
        Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
        int count = 0;
        for (Map.Entry<String, JsonNode> member : node.properties()) { // cheaper than Set.toArray's generic copy
            members[count++] = member;
        }
        if (!sorted(members)) {
            Arrays.sort(members, Map.Entry.comparingByKey()); // String.compareTo orders by UTF-16 code units, as JCS requires
        }
        out.ascii('{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            writeString(members[i].getKey(), out);
            out.ascii(':');
            write(members[i].getValue(), out);
        }
        out.ascii('}');
    }

    private static boolean sorted(Map.Entry<String, JsonNode>[] members) {
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].getKey().compareTo(members[i].getKey()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes a JSON string as JSON.stringify escapes it, encoded as UTF-8. */
    public static void writeString(String s, Output out) {
        out.string(s);
    }

    private static void writeNumber(JsonNode node, Output out) {
        // BigDecimal/BigInteger.doubleValue give ±Infinity beyond double range, which number() refuses;
        // Jackson's JsonNode.doubleValue() would throw its own exception instead.
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            if (!writeShortDecimal(value, out)) {
                out.ascii(number(value.doubleValue()));
            }
            return;
        }
        if (node.isBigInteger() ? node.bigIntegerValue().bitLength() <= 53 : node.isInt() || node.isLong() || node.isShort()) {
            long value = node.longValue();
            if (value >= -MAX_EXACT && value <= MAX_EXACT) {
                out.ascii(Long.toString(value)); // an exact double: its ECMAScript form is its digits
                return;
            }
        }
        out.ascii(number(node.isBigInteger() ? node.bigIntegerValue().doubleValue() : node.doubleValue()));
    }

    /**
     * Writes the ECMAScript form of a decimal that needs no binary round trip, or returns false. A
     * decimal of at most 15 significant digits (DBL_DIG) is the only decimal that short to round to its
     * nearest double, so that double's shortest form is the decimal's own digits; between 1e-6 and 1e21
     * ECMAScript writes them without an exponent. Everything else goes through {@link #number(double)}.
     */
    static boolean writeShortDecimal(BigDecimal value, Output out) {
        if (value.signum() == 0) {
            out.ascii('0'); // -0 too, as ECMAScript writes it
            return true;
        }
        if (value.precision() > 18) {
            return false; // not a long; rare enough to leave to the general path
        }
        long unscaled = Math.abs(value.unscaledValue().longValue());
        int scale = value.scale();
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        String digits = Long.toString(unscaled);
        int k = digits.length();
        int n = k - scale; // the value is 0.digits × 10^n
        if (k > 15 || n > 21 || n <= -6) {
            return false;
        }
        if (value.signum() < 0) {
            out.ascii('-');
        }
        if (n >= k) {
            out.ascii(digits);
            zeros(n - k, out);
        } else if (n > 0) {
            out.ascii(digits, 0, n);
            out.ascii('.');
            out.ascii(digits, n, k);
        } else {
            out.ascii("0.");
            zeros(-n, out);
            out.ascii(digits);
        }
        return true;
    }

    private static void zeros(int count, Output out) {
        for (int i = 0; i < count; i++) {
            out.ascii('0');
        }
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new NotCanonicalizableException("number out of IEEE-754 double range");
        }
        try {
            return NumberToJSON.serializeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * UTF-8 bytes of a canonical form, buffered and handed a buffer at a time to a digest (for keys) or
     * a byte sink (for the text). Not thread-safe; one per form.
     */
    public static final class Output {
        private static final int SIZE = 2048; // small: one is allocated per key, and zeroing 8 KB showed in profiles
        private static final int MAX_WRITE = 6; // the longest write of one character: \\u00xx

        private final byte[] buffer = new byte[SIZE];
        private final char[] chars = new char[512];
        /** ASCII characters written as themselves: not a control character, quote or backslash. */
        private static final boolean[] PLAIN = plain();
        private MessageDigest digest;
        private final ByteArrayOutputStream text;
        private int position;

        private Output(MessageDigest digest, ByteArrayOutputStream text) {
            this.digest = digest;
            this.text = text;
        }

        private static boolean[] plain() {
            boolean[] plain = new boolean[0x80];
            for (char c = 0x20; c < 0x80; c++) {
                plain[c] = c != '"' && c != '\\';
            }
            return plain;
        }

        /** Feeds {@code digest}; call {@link #flush()} before reading the digest. */
        public static Output digesting(MessageDigest digest) {
            return new Output(digest, null);
        }

        /** Collects the bytes; read them with {@link #text()}. */
        public static Output collecting() {
            return new Output(null, new ByteArrayOutputStream(256));
        }

        /** Hands what is buffered to the current digest, and everything after to {@code next}. */
        public void switchDigest(MessageDigest next) {
            flush();
            digest = next;
        }

        /** Writes bytes as they are (pre-encoded ASCII such as {@code ,"method":}). */
        public void raw(byte[] bytes) {
            if (bytes.length > SIZE - position) {
                flush();
            }
            if (bytes.length > SIZE) {
                handOn(bytes, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }

        public void ascii(char c) {
            if (position == SIZE) {
                flush();
            }
            buffer[position++] = (byte) c;
        }

        /** Writes text known to be ASCII (member names, literals, number forms). */
        public void ascii(String s) {
            ascii(s, 0, s.length());
        }

        void ascii(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                ascii(s.charAt(i));
            }
        }

        /**
         * A JSON string, escaped as JSON.stringify does, in UTF-8. Copies the chars out a slice at a time
         * and encodes them in one loop over local variables: String.charAt per character costs a bounds
         * and coder check each, which dominated keying large bodies.
         */
        void string(String s) {
            ascii('"');
            int length = s.length();
            for (int from = 0; from < length; ) {
                int to = Math.min(length, from + chars.length);
                if (to < length && Character.isHighSurrogate(s.charAt(to - 1))) {
                    to--; // keep a surrogate pair in one slice
                }
                s.getChars(from, to, chars, 0);
                encode(to - from);
                from = to;
            }
            ascii('"');
        }

        private void encode(int count) {
            char[] in = chars;
            byte[] buf = buffer;
            boolean[] plain = PLAIN;
            int pos = position;
            int i = 0;
            while (i < count) {
                if (SIZE - pos < MAX_WRITE * 16) {
                    position = pos;
                    flush();
                    pos = 0;
                }
                // Up to here every character fits without checking for room.
                int end = Math.min(count, i + (SIZE - pos) / MAX_WRITE);
                while (i < end) {
                    char c = in[i++];
                    if (c < 0x80) {
                        if (plain[c]) {
                            buf[pos++] = (byte) c;
                        } else {
                            pos = escape(c, buf, pos);
                        }
                    } else if (c < 0x800) {
                        buf[pos++] = (byte) (0xc0 | c >> 6);
                        buf[pos++] = (byte) (0x80 | c & 0x3f);
                    } else if (!Character.isSurrogate(c)) {
                        buf[pos++] = (byte) (0xe0 | c >> 12);
                        buf[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
                        buf[pos++] = (byte) (0x80 | c & 0x3f);
                    } else if (Character.isHighSurrogate(c) && i < count && Character.isLowSurrogate(in[i])) {
                        int cp = Character.toCodePoint(c, in[i++]);
                        buf[pos++] = (byte) (0xf0 | cp >> 18);
                        buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3f);
                        buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
                        buf[pos++] = (byte) (0x80 | cp & 0x3f);
                    } else {
                        position = pos;
                        throw new NotCanonicalizableException("string holds a lone UTF-16 surrogate");
                    }
                }
            }
            position = pos;
        }

        private static int escape(char c, byte[] buf, int pos) {
            buf[pos++] = '\\';
            switch (c) {
                case '"' -> buf[pos++] = '"';
                case '\\' -> buf[pos++] = '\\';
                case '\b' -> buf[pos++] = 'b';
                case '\f' -> buf[pos++] = 'f';
                case '\n' -> buf[pos++] = 'n';
                case '\r' -> buf[pos++] = 'r';
                case '\t' -> buf[pos++] = 't';
                default -> {
                    buf[pos++] = 'u';
                    buf[pos++] = '0';
                    buf[pos++] = '0';
                    buf[pos++] = HEX[c >> 4];
                    buf[pos++] = HEX[c & 0xf];
                }
            }
            return pos;
        }

        /** Hands the buffered bytes on. */
        public void flush() {
            handOn(buffer, position);
            position = 0;
        }

        private void handOn(byte[] bytes, int length) {
            if (digest != null) {
                digest.update(bytes, 0, length);
            } else {
                text.write(bytes, 0, length);
            }
        }

        /** The collected form as a string. */
        public String text() {
            flush();
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
