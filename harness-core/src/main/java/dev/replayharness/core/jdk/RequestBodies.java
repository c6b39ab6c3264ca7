package dev.replayharness.core.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/** Reads a request's body publisher into bytes, and rebuilds the request around those bytes. */
final class RequestBodies {
    private RequestBodies() {}

    static byte[] collect(HttpRequest request) throws IOException, InterruptedException {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return new byte[0];
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IOException("Could not read the request body: " + e.getCause(), e.getCause());
        }
    }

    /** The same request, its body now a replayable byte array (a publisher may only be read once). */
    static HttpRequest withBody(HttpRequest request, byte[] body) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .method(request.method(), publisher)
                .build();
    }
}
