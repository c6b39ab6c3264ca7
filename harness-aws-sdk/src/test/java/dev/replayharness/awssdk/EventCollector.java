package dev.replayharness.awssdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects a stream's events until its terminal signal. The SDK can fail the call's future before it has handed the
 * events decoded ahead of an exception frame to the subscriber; waiting for the subscriber's own end avoids counting
 * too early.
 */
final class EventCollector<T> implements Subscriber<T> {
    final List<T> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean subscribed;

    @Override
    public void onSubscribe(Subscription subscription) {
        subscribed = true;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T event) {
        events.add(event);
    }

    @Override
    public void onError(Throwable error) {
        ended.countDown();
    }

    @Override
    public void onComplete() {
        ended.countDown();
    }

    /** Whether the SDK ever handed the stream to this subscriber (not when the call failed before a response). */
    boolean subscribed() {
        return subscribed;
    }

    /** The events, after the stream ended (10 s at most: a stream that never ends shows as missing events). */
    List<T> awaitEnd() throws InterruptedException {
        ended.await(10, TimeUnit.SECONDS);
        return List.copyOf(events);
    }
}
