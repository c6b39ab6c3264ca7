package dev.replayharness.awssdk;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.replayharness.core.replay.ChunkSource;

/**
 * Publishes a body on demand, one {@code ByteBuffer} per chunk of its {@link ChunkSource} (which walks the recorded
 * chunks and waits their recorded delays: the engine already cuts an event stream one frame per chunk, as it came),
 * then completes, or fails with the recorded interruption. Each subscriber reads a source of its own.
 */
final class ChunkPublisher implements Publisher<ByteBuffer> {
    private final Supplier<ChunkSource> sources;

    ChunkPublisher(Supplier<ChunkSource> sources) {
        this.sources = sources;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Emitter(subscriber, sources.get()));
    }

    /** Emits on the thread that asks; a request made from inside onNext only adds demand (no recursion). */
    private static final class Emitter implements Subscription {
        private final Subscriber<? super ByteBuffer> subscriber;
        private final ChunkSource source; // read only by the thread that set emitting
        private final AtomicBoolean done = new AtomicBoolean();
        private long demand;
        private boolean emitting;

        Emitter(Subscriber<? super ByteBuffer> subscriber, ChunkSource source) {
            this.subscriber = subscriber;
            this.source = source;
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
                boolean atEnd;
                synchronized (this) {
                    atEnd = !source.hasNext();
                    // the ending needs no demand (§1.4): the SDK gets its failure right after the last frame
                    if (done.get() || (demand == 0 && !atEnd)) {
                        emitting = false;
                        return;
                    }
                    demand--;
                }
                if (atEnd) {
                    finish();
                    return;
                }
                byte[] chunk;
                try {
                    chunk = source.next(); // waits the recorded delay, outside the lock
                } catch (InterruptedIOException e) {
                    done.set(true);
                    subscriber.onError(e);
                    return;
                }
                subscriber.onNext(ByteBuffer.wrap(chunk).asReadOnlyBuffer());
            }
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                source.failure().ifPresentOrElse(subscriber::onError, subscriber::onComplete);
            }
        }

        @Override
        public void cancel() {
            done.set(true);
        }
    }
}
