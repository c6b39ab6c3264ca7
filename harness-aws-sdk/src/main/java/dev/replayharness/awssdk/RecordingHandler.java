package dev.replayharness.awssdk;

import java.nio.ByteBuffer;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

import dev.replayharness.core.ResponseRecorder;

/**
 * The SDK's response handler with the recorder beside it: every buffer goes to the SDK at once and a copy to the
 * recorder (frames pass through as they arrive). When the caller cancels (the SDK does after an exception frame),
 * the rest is drained into the recording while the recorder wants more (it owns the drain limit and ends itself as
 * truncated past it); then the upstream is cancelled. The recorder ends itself only once, so every path may end it.
 */
final class RecordingHandler implements SdkAsyncHttpResponseHandler {
    private final SdkAsyncHttpResponseHandler handler;
    private final ResponseRecorder recorder;

    RecordingHandler(SdkAsyncHttpResponseHandler handler, ResponseRecorder recorder) {
        this.handler = handler;
        this.recorder = recorder;
    }

    @Override
    public void onHeaders(SdkHttpResponse headers) {
        recorder.started(headers.statusCode(), SdkMessages.headers(headers));
        handler.onHeaders(headers);
    }

    @Override
    public void onStream(Publisher<ByteBuffer> stream) {
        handler.onStream(subscriber -> stream.subscribe(new Tee(subscriber)));
    }

    @Override
    public void onError(Throwable error) {
        recorder.failed(error);
        handler.onError(error);
    }

    /** Copies each buffer to the recorder before the SDK reads it (its position must not move). */
    private final class Tee implements Subscriber<ByteBuffer> {
        private final Subscriber<? super ByteBuffer> subscriber;
        private volatile Subscription upstream;
        private volatile boolean draining;

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
                    if (draining) {
                        return;
                    }
                    draining = true;
                    recorder.callerClosed();
                    if (recorder.wantsMore()) {
                        subscription.request(Long.MAX_VALUE); // the caller is done; the recording reads on
                    } else {
                        subscription.cancel();
                    }
                }
            });
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            recorder.chunk(bytes, 0, bytes.length);
            if (!draining) {
                subscriber.onNext(buffer);
            } else if (!recorder.wantsMore()) {
                upstream.cancel(); // past the drain limit: the recorder ended itself as truncated
            }
        }

        @Override
        public void onError(Throwable error) {
            recorder.failed(error);
            if (!draining) {
                subscriber.onError(error);
            }
        }

        @Override
        public void onComplete() {
            recorder.completed();
            if (!draining) {
                subscriber.onComplete();
            }
        }
    }
}
