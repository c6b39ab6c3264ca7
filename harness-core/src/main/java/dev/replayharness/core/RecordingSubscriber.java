package dev.replayharness.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Adapter SPI: the tee for a {@code Flow}-based client ({@code java.net.http}'s body subscribers, or
 * any client that streams a body as lists of buffers). It passes each upstream chunk to the caller's
 * subscriber as it arrives, as the recorder's {@link CallerBody} renders it (what replay will hand the
 * caller), and copies it to a {@link ResponseRecorder}; completion and failure end the recording. If the
 * caller cancels early, the rest is drained into the recording for as long as the recorder wants it (it
 * ends itself as truncated past the harness's drain limit), and then upstream is cancelled. The
 * {@code Flow} counterpart of {@link RecordingInputStream}.
 */
public final class RecordingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final Flow.Subscriber<? super List<ByteBuffer>> caller;
    private final ResponseRecorder recorder;
    private final CallerBody view;
    private volatile Flow.Subscription upstream;
    private volatile boolean callerCancelled;
    /** The caller's unmet demand, and the rest of a body that ended while it had none (guarded by this). */
    private long demand;

    private byte[] tail;

    /** Tees what {@code caller} receives into {@code recorder} (call after {@link ResponseRecorder#started}). */
    public RecordingSubscriber(Flow.Subscriber<? super List<ByteBuffer>> caller, ResponseRecorder recorder) {
        this.caller = caller;
        this.recorder = recorder;
        this.view = recorder.callerBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.upstream = subscription;
        caller.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (callerCancelled) {
                    return;
                }
                if (view.passThrough()) {
                    upstream.request(n);
                    return;
                }
                byte[] rest;
                synchronized (RecordingSubscriber.this) {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                    rest = tail;
                    tail = null;
                }
                if (rest != null) {
                    deliverTail(rest);
                } else {
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
        if (view.passThrough()) {
            List<byte[]> copies = new ArrayList<>(items.size());
            for (ByteBuffer item : items) {
                copies.add(copy(item));
            }
            if (!callerCancelled) {
                caller.onNext(items); // the caller first: recording (SSE parsing) must not delay what it sees
            }
            copies.forEach(bytes -> recorder.chunk(bytes, 0, bytes.length));
        } else {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            List<byte[]> copies = new ArrayList<>(items.size());
            for (ByteBuffer item : items) {
                byte[] bytes = copy(item);
                copies.add(bytes);
                out.writeBytes(view.next(bytes, 0, bytes.length));
            }
            if (!callerCancelled) {
                if (out.size() > 0) {
                    take();
                    caller.onNext(List.of(ByteBuffer.wrap(out.toByteArray())));
                } else {
                    upstream.request(1); // held back (an event not yet ended): this chunk met none of the demand
                }
            }
            copies.forEach(bytes -> recorder.chunk(bytes, 0, bytes.length));
        }
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
        if (callerCancelled) {
            return;
        }
        byte[] rest = view.end();
        if (rest.length == 0) {
            caller.onComplete();
            return;
        }
        synchronized (this) {
            if (demand == 0) {
                tail = rest; // handed over at the caller's next request
                return;
            }
        }
        deliverTail(rest);
    }

    private void deliverTail(byte[] rest) {
        take();
        caller.onNext(List.of(ByteBuffer.wrap(rest)));
        caller.onComplete();
    }

    private synchronized void take() {
        if (demand != Long.MAX_VALUE && demand > 0) {
            demand--;
        }
    }

    private static byte[] copy(ByteBuffer item) {
        ByteBuffer copy = item.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
