package dev.replayharness.openaisdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import com.openai.core.http.HttpRequestBody;

/**
 * Publishes an SDK request body by running its {@link HttpRequestBody#writeTo} on {@code writer}
 * threads: each 16 KiB written leaves as one buffer once the subscriber has asked for one, so a large
 * body is never held in memory whole. Each subscription runs {@code writeTo} once.
 */
final class WriteToBodyPublisher implements HttpRequest.BodyPublisher {
    static final int CHUNK = 16 * 1024;

    private final HttpRequestBody body;
    private final long length;
    private final Executor writer;

    WriteToBodyPublisher(HttpRequestBody body, Executor writer) {
        this.body = body;
        this.length = body.contentLength();
        this.writer = writer;
    }

    @Override
    public long contentLength() {
        return length < 0 ? -1 : length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Writing writing = new Writing(subscriber);
        subscriber.onSubscribe(writing);
    }

    /** One run of {@code writeTo}: the subscription, and the stream {@code writeTo} writes into. */
    private final class Writing extends OutputStream implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicBoolean started = new AtomicBoolean();
        private final Object lock = new Object();
        private long demand;
        private boolean cancelled;
        private byte[] buffer = new byte[CHUNK];
        private int filled;

        Writing(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                subscriber.onError(
                        new IllegalArgumentException("request(" + n + "): demand must be positive (Flow rule 3.9)"));
                return;
            }
            synchronized (lock) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                lock.notifyAll();
            }
            if (started.compareAndSet(false, true)) {
                writer.execute(this::run);
            }
        }

        @Override
        public void cancel() {
            synchronized (lock) {
                cancelled = true;
                lock.notifyAll();
            }
        }

        private void run() {
            try {
                body.writeTo(this);
                emit();
            } catch (RuntimeException | IOException e) {
                if (!isCancelled()) {
                    subscriber.onError(e);
                }
                return;
            }
            if (!isCancelled()) {
                subscriber.onComplete();
            }
        }

        private boolean isCancelled() {
            synchronized (lock) {
                return cancelled;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
            while (count > 0) {
                int n = Math.min(count, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                count -= n;
                if (filled == buffer.length) {
                    emit();
                }
            }
        }

        /** Sends what is buffered, waiting for demand; fails {@code writeTo} if the subscriber cancelled. */
        private void emit() throws IOException {
            if (filled == 0) {
                return;
            }
            synchronized (lock) {
                while (demand == 0 && !cancelled) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while sending the request body");
                    }
                }
                if (cancelled) {
                    throw new IOException("the HTTP client stopped reading the request body");
                }
                demand--;
            }
            ByteBuffer chunk = ByteBuffer.wrap(Arrays.copyOf(buffer, filled));
            filled = 0;
            subscriber.onNext(chunk);
        }
    }
}
