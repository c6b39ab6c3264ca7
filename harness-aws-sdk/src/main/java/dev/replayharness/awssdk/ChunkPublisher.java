package dev.replayharness.awssdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.replayharness.core.replay.Sleeper;

/**
 * Publishes chunks on demand, one {@code ByteBuffer} each (so a recorded stream arrives frame by frame, as it came),
 * after each chunk's recorded delay when a sleeper is given, then completes, or fails with the recorded interruption.
 */
final class ChunkPublisher implements Publisher<ByteBuffer> {
    private final List<byte[]> chunks;
    private final List<Long> delaysMs;
    private final Optional<IOException> failure;
    private final Sleeper sleeper;

    ChunkPublisher(List<byte[]> chunks, List<Long> delaysMs, Optional<IOException> failure, Sleeper sleeper) {
        this.chunks = chunks;
        this.delaysMs = delaysMs;
        this.failure = failure;
        this.sleeper = sleeper;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Emitter(subscriber));
    }

    /** Emits on the thread that asks; a request made from inside onNext only adds demand (no recursion). */
    private final class Emitter implements Subscription {
        private final Subscriber<? super ByteBuffer> subscriber;
        private final AtomicBoolean done = new AtomicBoolean();
        private long demand;
        private boolean emitting;
        private int next;

        Emitter(Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("§3.9: request must be positive, was " + n));
                return;
            }
            synchronized (this) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                if (emitting) {
                    return;
                }
                emitting = true;
            }
            drain();
        }

        private void drain() {
            while (true) {
                synchronized (this) {
                    if (done.get() || (demand == 0 && next < chunks.size())) {
                        emitting = false;
                        return;
                    }
                    demand--;
                }
                if (next == chunks.size()) {
                    finish();
                    return;
                }
                try {
                    pause(delaysMs.get(next));
                } catch (InterruptedIOException e) {
                    done.set(true);
                    subscriber.onError(e);
                    return;
                }
                subscriber.onNext(ByteBuffer.wrap(chunks.get(next++)).asReadOnlyBuffer());
            }
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                failure.ifPresentOrElse(subscriber::onError, subscriber::onComplete);
            }
        }

        private void pause(long millis) throws InterruptedIOException {
            if (sleeper == null || millis <= 0) {
                return;
            }
            try {
                sleeper.sleep(Duration.ofMillis(millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while replaying recorded timing");
            }
        }

        @Override
        public void cancel() {
            done.set(true);
        }
    }
}
