package dev.replayharness.core.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * UTF-8 bytes of a canonical form, buffered and handed a buffer at a time to a digest (for keys) or
 * a byte sink (for the text). Not thread-safe; one per form.
 */
public final class JcsOutput {
    private static final int SIZE = 2048; // small: one is allocated per key, and zeroing 8 KB showed in profiles
    private static final int MAX_WRITE = 6; // the longest write of one character: \\u00xx

    private final byte[] buffer = new byte[SIZE];
    private final char[] chars = new char[512];
    /** ASCII characters written as themselves: not a control character, quote or backslash. */
    private static final boolean[] PLAIN = plain();

    private MessageDigest digest;
    private final ByteArrayOutputStream text;
    private int position;

    private JcsOutput(MessageDigest digest, ByteArrayOutputStream text) {
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
    public static JcsOutput digesting(MessageDigest digest) {
        return new JcsOutput(digest, null);
    }

    /** Collects the bytes; read them with {@link #text()}. */
    public static JcsOutput collecting() {
        return new JcsOutput(null, new ByteArrayOutputStream(256));
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
                    throw new Jcs.NotCanonicalizableException("string holds a lone UTF-16 surrogate");
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
                buf[pos++] = Jcs.HEX[c >> 4];
                buf[pos++] = Jcs.HEX[c & 0xf];
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
