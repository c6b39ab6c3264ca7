package dev.replayharness.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Adapter SPI: the tee for a {@code Flow}-based client ({@code java.net.http}'s body subscribers, or
 * any client that streams a body as lists of buffers). It passes each upstream chunk to the caller's
 * subscriber as it arrives and copies it to a {@link ResponseRecorder}; completion and failure end the
 * recording. If the caller cancels early, the rest is drained into the recording for as long as the
 * recorder wants it (it ends itself as truncated past the harness's drain limit), and then upstream is
 * cancelled. The {@code Flow} counterpart of {@link RecordingInputStream}.
 */
public final class RecordingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final Flow.Subscriber<? super List<ByteBuffer>> caller;
    private final ResponseRecorder recorder;
    private volatile Flow.Subscription upstream;
    private volatile boolean callerCancelled;

    /** Tees what {@code caller} receives into {@code recorder}. */
    public RecordingSubscriber(Flow.Subscriber<? super List<ByteBuffer>> caller, ResponseRecorder recorder) {
        this.caller = caller;
        this.recorder = recorder;
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
        List<byte[]> copies = new ArrayList<>(items.size());
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
