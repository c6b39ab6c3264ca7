package dev.replayharness.core.jdk;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

import dev.replayharness.core.replay.ReplayedResponse;
import dev.replayharness.core.replay.Sleeper;

/**
 * Feeds recorded chunks to a body subscriber as it requests them, on the requesting thread.
 * Re-entrant requests (a subscriber asking for more inside {@code onNext}) only add demand; the
 * outer loop delivers, so the stack stays flat.
 */
final class ReplaySubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
    private final ReplayedResponse replayed;
    private final Sleeper sleeper;
    private long demand;
    private int next;
    private boolean delivering;
    private boolean done;

    ReplaySubscription(
            Flow.Subscriber<? super List<ByteBuffer>> subscriber, ReplayedResponse replayed, Sleeper sleeper) {
        this.subscriber = subscriber;
        this.replayed = replayed;
        this.sleeper = sleeper;
    }

    @Override
    public void request(long n) {
        synchronized (this) {
            if (done) {
                return;
            }
            if (n <= 0) {
                done = true;
                subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive (§3.9)"));
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
            byte[] chunk;
            long delay;
            synchronized (this) {
                boolean atEnd = next == replayed.chunks().size();
                // A recorded failure waits for demand like a chunk would: java.net.http's InputStream
                // drops data it has buffered when the error arrives early.
                boolean failing = atEnd && replayed.interruption().isPresent();
                if (done || (demand == 0 && (!atEnd || failing))) {
                    delivering = false;
                    return;
                }
                if (atEnd) {
                    done = true;
                    delivering = false;
                    break;
                }
                chunk = replayed.chunks().get(next);
                delay = replayed.delaysMs().get(next);
                next++;
                demand--;
            }
            if (!pause(delay)) {
                return;
            }
            subscriber.onNext(List.of(ByteBuffer.wrap(chunk).asReadOnlyBuffer()));
        }
        replayed.failure().ifPresentOrElse(subscriber::onError, subscriber::onComplete);
    }

    private boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            sleeper.sleep(Duration.ofMillis(millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                done = true;
            }
            subscriber.onError(new InterruptedIOException("interrupted while replaying recorded timing"));
            return false;
        }
    }

    @Override
    public synchronized void cancel() {
        done = true;
    }
}
