package dev.replayharness.awssdk;

import dev.replayharness.core.ResponseRecorder;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The SDK's response handler with the recorder beside it: every buffer goes to the SDK at once and a copy to the
 * recorder (frames pass through as they arrive). The recorder ends once: completed, or failed. When the caller
 * cancels (the SDK does after an exception frame), the rest is drained into the recording, as the sync adapters do;
 * past the drain limit the upstream is cancelled and the recording marked truncated.
 */
final class RecordingHandler implements SdkAsyncHttpResponseHandler {
    private final SdkAsyncHttpResponseHandler handler;
    private final ResponseRecorder recorder;
    private final long maxDrainBytes;
    private final AtomicBoolean ended = new AtomicBoolean();

    RecordingHandler(SdkAsyncHttpResponseHandler handler, ResponseRecorder recorder, long maxDrainBytes) {
        this.handler = handler;
        this.recorder = recorder;
        this.maxDrainBytes = maxDrainBytes;
    }

    @Override
    public void onHeaders(software.amazon.awssdk.http.SdkHttpResponse headers) {
        recorder.started(headers.statusCode(), SdkMessages.headers(headers));
        handler.onHeaders(headers);
    }

    @Override
    public void onStream(Publisher<ByteBuffer> stream) {
        handler.onStream(subscriber -> stream.subscribe(new Tee(subscriber)));
    }

    @Override
    public void onError(Throwable error) {
        end(() -> recorder.failed(error));
        handler.onError(error);
    }

    /** The wrapped client's call failed: ends the recording unless it has ended already. */
    void upstreamFailed(Throwable error) {
        end(() -> recorder.failed(error));
    }

    private void end(Runnable ending) {
        if (ended.compareAndSet(false, true)) {
            ending.run();
        }
    }

    /** Copies each buffer to the recorder before the SDK reads it (its position must not move). */
    private final class Tee implements Subscriber<ByteBuffer> {
        private final Subscriber<? super ByteBuffer> subscriber;
        private volatile Subscription upstream;
        private volatile boolean draining;
        private long drained;

        Tee(Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (!draining) {
                        subscription.request(n);
                    }
                }

                @Override
                public void cancel() {
                    if (!draining && !ended.get()) {
                        draining = true; // the caller is done; the recording reads on to the end
                        subscription.request(Long.MAX_VALUE);
                    }
                }
            });
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            if (draining) {
                drained += bytes.length;
                if (drained > maxDrainBytes) {
                    end(recorder::truncated);
                    upstream.cancel();
                    return;
                }
                recorder.chunk(bytes, 0, bytes.length);
                return;
            }
            recorder.chunk(bytes, 0, bytes.length);
            subscriber.onNext(buffer);
        }

        @Override
        public void onError(Throwable error) {
            end(() -> recorder.failed(error));
            if (!draining) {
                subscriber.onError(error);
            }
        }

        @Override
        public void onComplete() {
            end(recorder::completed);
            if (!draining) {
                subscriber.onComplete();
            }
        }
    }
}
