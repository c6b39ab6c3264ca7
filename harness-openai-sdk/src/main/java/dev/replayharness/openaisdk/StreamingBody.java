package dev.replayharness.openaisdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that hands out each chunk as soon as it arrives (a read
 * returns what one chunk holds rather than waiting to fill the caller's buffer, and {@link #available()}
 * counts only bytes already here), so a server-sent event reaches the SDK before the next one is sent.
 * A read waits at most the read timeout for the next chunk ({@link Duration#ZERO}: no limit), then
 * fails with {@link HttpTimeoutException} and stops the exchange. Closing the stream early cancels it.
 *
 * <p>Back-pressure: one list of buffers is asked for at a time, the next when the previous is taken.
 */
final class StreamingBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final Duration readTimeout;
    private final String what;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private volatile Flow.Subscription subscription;
    private ByteBuffer current;
    /** Reader side only: the end, a failure or a timeout was seen. */
    private boolean ended;

    private volatile boolean closed;

    /**
     * @param readTimeout the longest wait for the next chunk; zero or negative for none
     * @param what the request, for messages (e.g. {@code POST /v1/chat/completions})
     */
    StreamingBody(Duration readTimeout, String what) {
        this.readTimeout = readTimeout;
        this.what = what;
    }

    /** The JDK body handler: the same stream for every response of one request. */
    HttpResponse.BodyHandler<InputStream> handler() {
        return info -> this;
    }

    // The subscriber side: called by java.net.http (or the harness replaying), never concurrently.

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (this.subscription != null) {
            subscription.cancel(); // Flow rule 2.5: one subscription only
            return;
        }
        this.subscription = subscription;
        if (closed) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrived.add(throwable);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    // The reader side: the SDK's thread.

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("the response body of " + what + " is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (!nextChunk()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(bytes, offset, n);
        return n;
    }

    @Override
    public synchronized int available() {
        long bytes = current == null ? 0 : current.remaining();
        for (ByteBuffer buffer : pending) {
            bytes += buffer.remaining();
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** Makes {@link #current} a buffer with bytes in it, waiting for one; false at the end of the body. */
    private boolean nextChunk() throws IOException {
        while (current == null || !current.hasRemaining()) {
            current = pending.poll();
            if (current != null) {
                continue;
            }
            if (ended) {
                return false;
            }
            Object next = take();
            if (next == END || closed) {
                ended = true;
                return false;
            }
            if (next instanceof Throwable failure) {
                ended = true;
                throw failure instanceof IOException io
                        ? io
                        : new IOException("reading the response body of " + what + " failed: " + failure, failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) next;
            pending.addAll(buffers);
            subscription.request(1);
        }
        return true;
    }

    private Object take() throws IOException {
        try {
            if (readTimeout.isZero() || readTimeout.isNegative()) {
                return arrived.take();
            }
            Object next = arrived.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) {
                ended = true;
                cancel();
                throw new HttpTimeoutException(
                        "no data of the response body of " + what + " arrived within the read timeout (" + readTimeout
                                + "); raise Timeout.read in the SDK's ClientOptions or RequestOptions");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
            cancel();
            throw new java.io.InterruptedIOException("interrupted while reading the response body of " + what);
        }
    }

    /**
     * Stops the exchange (with the harness recording, the rest is still drained into the recording).
     * Safe from any thread: a read blocked meanwhile returns -1.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel(); // after the end of the body this does nothing (Flow rule 3.7)
        arrived.add(END); // wakes a reader blocked in take()
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
