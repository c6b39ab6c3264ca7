package dev.replayharness.awssdk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.replay.ReplayedResponse;

/** An async request body read whole (the key needs it before anything is sent), and published again from memory. */
final class RequestBody {

    private RequestBody() {}

    /** All the bytes {@code publisher} publishes. */
    static CompletableFuture<byte[]> collect(SdkHttpContentPublisher publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        if (publisher == null) {
            done.complete(new byte[0]);
            return done;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                synchronized (bytes) {
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                synchronized (bytes) {
                    done.complete(bytes.toByteArray());
                }
            }
        });
        return done;
    }

    /** A publisher of these bytes, for the wrapped client (which may subscribe more than once, on a retry of a write). */
    static SdkHttpContentPublisher of(byte[] body) {
        return new SdkHttpContentPublisher() {
            @Override
            public Optional<Long> contentLength() {
                return Optional.of((long) body.length);
            }

            @Override
            public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                // the body as one chunk with no delay and no failure, walked as a replayed body is
                ReplayedResponse whole =
                        new ReplayedResponse(null, 0, Headers.empty(), List.of(body), List.of(0L), Optional.empty());
                new ChunkPublisher(() -> whole.openChunks(delay -> {})).subscribe(subscriber);
            }
        };
    }
}
