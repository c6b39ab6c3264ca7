package dev.replayharness.core.replay;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Adapter SPI: a replayed body as a {@code Flow} publisher of one read-only buffer per recorded chunk
 * (the shape of {@code java.net.http}'s body subscribers), ending with completion or the recorded
 * interruption. Each subscriber reads its own {@link ChunkSource}; chunks are delivered as it requests
 * them, on the requesting thread, after their recorded delays. Re-entrant requests (a subscriber asking
 * for more inside {@code onNext}) only add demand; the outer loop delivers, so the stack stays flat.
 */
public final class ReplayPublisher implements Flow.Publisher<List<ByteBuffer>> {
    private final ReplayedResponse response;
    private final Sleeper sleeper;

    /** Publishes {@code response}'s chunks, waiting their recorded delays with {@code sleeper}. */
    public ReplayPublisher(ReplayedResponse response, Sleeper sleeper) {
        this.response = response;
        this.sleeper = sleeper;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        subscriber.onSubscribe(new Subscription(subscriber, response.openChunks(sleeper)));
    }

    private static final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        private final ChunkSource source; // read only by the thread that set delivering
        private long demand;
        private boolean delivering;
        private boolean done;

        Subscription(Flow.Subscriber<? super List<ByteBuffer>> subscriber, ChunkSource source) {
            this.subscriber = subscriber;
            this.source = source;
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    done = true;
                    subscriber.onError(
                            new IllegalArgumentException("request(" + n + "): demand must be positive (§3.9)"));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                if (delivering) {
                    return;
                }
                delivering = true;
            }
            deliver();
        }

        private void deliver() {
            while (true) {
                synchronized (this) {
                    boolean atEnd = !source.hasNext();
                    // A recorded failure waits for demand like a chunk would: java.net.http's InputStream
                    // drops data it has buffered when the error arrives early.
                    boolean failing = atEnd && source.endsInFailure();
                    if (done || (demand == 0 && (!atEnd || failing))) {
                        delivering = false;
                        return;
                    }
                    if (atEnd) {
                        done = true;
                        delivering = false;
                        break;
                    }
                    demand--;
                }
                byte[] chunk;
                try {
                    chunk = source.next(); // waits the recorded delay, outside the lock
                } catch (InterruptedIOException e) {
                    synchronized (this) {
                        done = true;
                    }
                    subscriber.onError(e);
                    return;
                }
                subscriber.onNext(List.of(ByteBuffer.wrap(chunk).asReadOnlyBuffer()));
            }
            source.failure().ifPresentOrElse(subscriber::onError, subscriber::onComplete);
        }

        @Override
        public synchronized void cancel() {
            done = true;
        }
    }
}
