package dev.replayharness.core.jdk;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import dev.replayharness.core.ResponseRecorder;

/**
 * Passes each upstream chunk to the caller's subscriber as it arrives and copies it to the recorder.
 * If the caller cancels early, the rest is drained into the recording (up to a limit) so the
 * recording is complete; past the limit it is marked truncated.
 */
final class TeeSubscriber<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> caller;
    private final ResponseRecorder recorder;
    private volatile Flow.Subscription upstream;
    private volatile boolean callerCancelled;

    TeeSubscriber(HttpResponse.BodySubscriber<T> caller, ResponseRecorder recorder) {
        this.caller = caller;
        this.recorder = recorder;
    }

    @Override
    public CompletionStage<T> getBody() {
        return caller.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.upstream = subscription;
        caller.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (!callerCancelled) {
                    upstream.request(n);
                }
            }

            @Override
            public void cancel() {
                callerCancelled = true;
                recorder.callerClosed();
                upstream.request(Long.MAX_VALUE); // drain the rest into the recording, while it wants it
            }
        });
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        List<byte[]> copies = new java.util.ArrayList<>(items.size());
        for (ByteBuffer item : items) {
            ByteBuffer copy = item.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            copies.add(bytes);
        }
        if (!callerCancelled) {
            caller.onNext(items); // the caller first: recording (SSE parsing) must not delay what it sees
        }
        copies.forEach(bytes -> recorder.chunk(bytes, 0, bytes.length));
        if (callerCancelled && !recorder.wantsMore()) {
            upstream.cancel(); // drained past the limit: the recorder has ended as truncated
        }
    }

    @Override
    public void onError(Throwable throwable) {
        recorder.failed(throwable); // ignored if the recording already ended
        if (!callerCancelled) {
            caller.onError(throwable);
        }
    }

    @Override
    public void onComplete() {
        recorder.completed();
        if (!callerCancelled) {
            caller.onComplete();
        }
    }
}
