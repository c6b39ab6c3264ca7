package dev.replayharness.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * Adapter SPI: reads a request's body into the bytes that {@link Exchange} keys and records (and that
 * the adapter then sends upstream in place of a body that could be read only once), the same way for
 * every client: from a {@code Flow} publisher, or from a writer with a declared length.
 */
public final class RequestBodies {
    /** Declared lengths up to this are trusted to size the buffer; a larger (or lying) one grows as it is read. */
    private static final int MAX_PRESIZE = 1 << 20;

    private static final int MAX_BODY = Integer.MAX_VALUE - 8;

    private RequestBodies() {}

    /** Writes a body to a stream (Apache's {@code HttpEntity::writeTo}, for one). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The bytes {@code writer} writes, into a buffer of {@code declaredLength} when it is known (-1
     * when not): no transfer buffer to copy through.
     *
     * @throws IOException when the declared length is more than a byte array holds, or the writer fails
     */
    public static byte[] write(long declaredLength, Writer writer) throws IOException {
        if (declaredLength > MAX_BODY) {
            throw new IOException("Replay Harness: the request body is " + declaredLength + " bytes, but a body to"
                    + " record or replay is held in memory, where at most " + MAX_BODY + " bytes fit. Send this"
                    + " request with a client that is not wired to the harness.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                declaredLength >= 0 && declaredLength <= MAX_PRESIZE ? (int) declaredLength : 8192);
        writer.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Everything {@code publisher} publishes, waiting for its end.
     *
     * @throws IOException naming the cause when the publisher fails
     */
    public static byte[] collect(Flow.Publisher<ByteBuffer> publisher) throws IOException, InterruptedException {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IOException("Could not read the request body: " + e.getCause(), e.getCause());
        }
    }
}
