package dev.replayharness.core.jdk;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import dev.replayharness.core.RecordingSubscriber;
import dev.replayharness.core.ResponseRecorder;

/** The caller's body subscriber, teed into the recorder by the engine's {@link RecordingSubscriber}. */
final class TeeSubscriber<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> caller;
    private final RecordingSubscriber tee;

    TeeSubscriber(HttpResponse.BodySubscriber<T> caller, ResponseRecorder recorder) {
        this.caller = caller;
        this.tee = new RecordingSubscriber(caller, recorder);
    }

    @Override
    public CompletionStage<T> getBody() {
        return caller.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        tee.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        tee.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        tee.onError(throwable);
    }

    @Override
    public void onComplete() {
        tee.onComplete();
    }
}
