package dev.replayharness.core.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import dev.replayharness.core.http.Headers;

/**
 * The {@code Content-Encoding}s the harness can undo (gzip, deflate), so that recordings hold readable,
 * redacted bodies, and can redo for clients that decode themselves.
 */
public final class ContentEncoding {
    private ContentEncoding() {}

    /** The response's encoding when it is one the harness handles. */
    public static Optional<String> supported(Headers headers) {
        return headers.first("content-encoding")
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate"));
    }

    /** The decoded bytes, or empty when they are not validly encoded. */
    public static Optional<byte[]> decode(String encoding, byte[] bytes) {
        try (InputStream in = encoding.equals("deflate")
                ? new InflaterInputStream(new ByteArrayInputStream(bytes))
                : new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code bytes} start as a stream of {@code encoding} does: the gzip magic number, or a zlib header
     * (deflate). Bytes that do not were never encoded, or have been decoded already.
     */
    public static boolean looksEncoded(String encoding, byte[] bytes) {
        if (bytes.length < 2) {
            return false;
        }
        int b0 = bytes[0] & 0xff;
        int b1 = bytes[1] & 0xff;
        return encoding.equals("deflate") ? (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0 : b0 == 0x1f && b1 == 0x8b;
    }

    public static byte[] encode(String encoding, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var compressing = encoding.equals("deflate") ? new DeflaterOutputStream(out) : new GZIPOutputStream(out)) {
            compressing.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }
}
