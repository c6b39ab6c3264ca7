package dev.replayharness.core.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.codec.ContentEncoding;
import dev.replayharness.core.http.Headers;

/**
 * A response rebuilt from a recording, ready for an adapter to hand to its caller.
 *
 * @param file the recording it came from
 * @param status the HTTP status
 * @param headers the recorded headers
 * @param chunks the body, one element per recorded chunk (one per server-sent event)
 * @param delaysMs how long to wait before each chunk; all zero unless recorded timing is replayed
 * @param interruption when the recorded body ended with an error, its message; the body then fails after the last chunk
 */
public record ReplayedResponse(
        Path file,
        int status,
        Headers headers,
        List<byte[]> chunks,
        List<Long> delaysMs,
        Optional<String> interruption) {

    public ReplayedResponse {
        chunks = List.copyOf(chunks);
        delaysMs = List.copyOf(delaysMs);
        if (chunks.size() != delaysMs.size()) {
            throw new IllegalArgumentException("one delay per chunk");
        }
    }

    /** The whole body (without the interruption). */
    public byte[] bodyBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * As a client that decodes {@code Content-Encoding} itself sees it: recorded bodies are stored
     * decoded, so a gzip or deflate body is encoded again (as one chunk).
     */
    public ReplayedResponse encodedForWire() {
        Optional<String> encoding = ContentEncoding.supported(headers);
        if (encoding.isEmpty() || chunks.isEmpty()) {
            return this;
        }
        byte[] body = bodyBytes();
        if (ContentEncoding.looksEncoded(encoding.get(), body)
                && ContentEncoding.decode(encoding.get(), body).isEmpty()) {
            return this; // a broken stream of that encoding, recorded as it came (it could not be decoded): sent as it
            // came
        }
        return new ReplayedResponse(
                file,
                status,
                headers,
                List.of(ContentEncoding.encode(encoding.get(), body)),
                List.of(delaysMs.get(0)),
                interruption);
    }

    /**
     * As a client whose own stack decodes {@code Content-Encoding} sees it (Apache HttpClient's
     * content compression step): the decoded body, without the header.
     */
    public ReplayedResponse decoded() {
        if (ContentEncoding.supported(headers).isEmpty()) {
            return this;
        }
        return new ReplayedResponse(
                file,
                status,
                headers.filter((name, value) -> !name.equals("content-encoding")),
                chunks,
                delaysMs,
                interruption);
    }

    /** Whether there is a body to hand over: a chunk, or at least the recorded interruption. */
    public boolean hasBody() {
        return !chunks.isEmpty() || interruption.isPresent();
    }

    /** The length a client may declare for the body: -1 for a stream of events or a body that fails, else the total. */
    public long knownLength() {
        return headers.isEventStream() || interruption.isPresent() ? -1 : contentLength();
    }

    /** Total body length. */
    public long contentLength() {
        return chunks.stream().mapToLong(c -> c.length).sum();
    }

    /** The failure a read sees after the last chunk, if the recording was interrupted. */
    public Optional<IOException> failure() {
        return interruption.map(message -> new IOException(message + " (replayed from " + file + ")"));
    }

    /**
     * The body as a stream that hands out one chunk per read (waiting the recorded delay first when
     * timing is replayed), then ends, or fails as the recording did.
     */
    public InputStream openBody(Sleeper sleeper) {
        return new ChunkedBody(openChunks(sleeper));
    }

    /** The body chunk by chunk, each after its recorded delay, then its ending (see {@link ChunkSource}). */
    public ChunkSource openChunks(Sleeper sleeper) {
        return new ChunkSource(this, sleeper);
    }

    private static final class ChunkedBody extends InputStream {
        private final ChunkSource source;
        private byte[] current;
        private int position;

        ChunkedBody(ChunkSource source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (current == null || position == current.length) {
                if (!source.hasNext()) {
                    Optional<IOException> failure = source.failure();
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                    return -1;
                }
                current = source.next();
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() { // before the first read, what the first chunk holds
            return current == null ? source.nextLength() : current.length - position;
        }
    }
}
