package dev.replayharness.awssdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * The asynchronous wrapper: reads the request body, then answers from a recording (headers, then the body chunk by
 * chunk on demand) or calls the wrapped client with a response handler that tees the body into the recorder.
 */
final class HarnessSdkAsyncHttpClient implements SdkAsyncHttpClient {
    private final SdkAsyncHttpClient delegate;
    private final HarnessSession session;

    HarnessSdkAsyncHttpClient(SdkAsyncHttpClient delegate, HarnessSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        // Set once the handler has been handed to a replay or to the wrapped client, which then signal its errors.
        AtomicBoolean handedOver = new AtomicBoolean();
        return RequestBody.collect(request.requestContentPublisher())
                .thenCompose(body -> Exchange.runAsync(
                        session,
                        SdkMessages.outgoing(request.request(), body),
                        replayed -> {
                            handedOver.set(true);
                            return replay(replayed.encodedForWire(), handler);
                        },
                        recorder -> {
                            handedOver.set(true);
                            return upstream(
                                    request,
                                    body,
                                    recorder.<SdkAsyncHttpResponseHandler>map(r -> new RecordingHandler(handler, r))
                                            .orElse(handler));
                        }))
                .handle((ok, error) -> {
                    if (error != null) {
                        if (!handedOver.get()) {
                            // A failure before any response (an injected reset, refused or timeout, or an unreadable
                            // request body): an SdkAsyncHttpClient must tell the handler, as Netty does; a streaming
                            // call (ConverseStream) waits for onError, not for this future, and would hang.
                            handler.onError(
                                    error instanceof CompletionException c && c.getCause() != null
                                            ? c.getCause()
                                            : error);
                        }
                        // the SDK expects the HTTP client's own failure, not the CompletionException of a stage
                        throw error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
                    }
                    return ok;
                });
    }

    private CompletableFuture<Void> upstream(
            AsyncExecuteRequest request, byte[] body, SdkAsyncHttpResponseHandler handler) {
        AsyncExecuteRequest.Builder again = AsyncExecuteRequest.builder()
                .request(request.request())
                .requestContentPublisher(RequestBody.of(body))
                .fullDuplex(request.fullDuplex())
                .httpExecutionAttributes(request.httpExecutionAttributes())
                .responseHandler(handler);
        request.metricCollector().ifPresent(again::metricCollector);
        return delegate.execute(again.build());
    }

    /** Hands the recorded response to the SDK's handler; the future completes when its body has been published. */
    private CompletableFuture<Void> replay(ReplayedResponse response, SdkAsyncHttpResponseHandler handler) {
        CompletableFuture<Void> published = new CompletableFuture<>();
        handler.onHeaders(SdkMessages.response(response));
        ChunkPublisher body = new ChunkPublisher(() -> response.openChunks(session.sleeper()));
        handler.onStream(subscriber -> body.subscribe(new CompletionSignal<>(subscriber, published)));
        return published;
    }

    @Override
    public String clientName() {
        return "Harness(" + delegate.clientName() + ")";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
