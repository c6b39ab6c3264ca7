package dev.replayharness.awssdk;

import java.util.concurrent.CompletableFuture;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Passes a body through to its subscriber and completes a future when the body ends, as an HTTP client's does. */
final class CompletionSignal<T> implements Subscriber<T> {
    private final Subscriber<? super T> subscriber;
    private final CompletableFuture<Void> done;

    CompletionSignal(Subscriber<? super T> subscriber, CompletableFuture<Void> done) {
        this.subscriber = subscriber;
        this.done = done;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                subscription.request(n);
            }

            @Override
            public void cancel() {
                subscription.cancel();
                done.complete(null); // the caller stopped reading: the call is over
            }
        });
    }

    @Override
    public void onNext(T item) {
        subscriber.onNext(item);
    }

    @Override
    public void onError(Throwable error) {
        subscriber.onError(error);
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        subscriber.onComplete();
        done.complete(null);
    }
}
