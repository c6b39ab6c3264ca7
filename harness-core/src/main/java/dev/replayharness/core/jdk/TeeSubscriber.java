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
    private final long maxDrainBytes;
    private volatile Flow.Subscription upstream;
    private volatile boolean callerCancelled;
    private long drained;
    private boolean finished;

    TeeSubscriber(HttpResponse.BodySubscriber<T> caller, ResponseRecorder recorder, long maxDrainBytes) {
        this.caller = caller;
        this.recorder = recorder;
        this.maxDrainBytes = maxDrainBytes;
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
                upstream.request(Long.MAX_VALUE); // drain the rest into the recording
            }
        });
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        long size = 0;
        List<byte[]> copies = new java.util.ArrayList<>(items.size());
        for (ByteBuffer item : items) {
            ByteBuffer copy = item.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            size += bytes.length;
            copies.add(bytes);
        }
        if (!callerCancelled) {
            caller.onNext(items); // the caller first: recording (SSE parsing) must not delay what it sees
        }
        copies.forEach(bytes -> recorder.chunk(bytes, 0, bytes.length));
        if (!callerCancelled) {
            return;
        }
        drained += size;
        if (drained > maxDrainBytes && !finished) {
            finished = true;
            upstream.cancel();
            recorder.truncated();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!finished) {
            finished = true;
            recorder.failed(throwable);
        }
        if (!callerCancelled) {
            caller.onError(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (!finished) {
            finished = true;
            recorder.completed();
        }
        if (!callerCancelled) {
            caller.onComplete();
        }
    }
}
