package dev.replayharness.awssdk;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayedResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

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
        CompletableFuture<Void> done = new CompletableFuture<>();
        RequestBody.collect(request.requestContentPublisher()).thenCompose(body -> {
            ExchangePlan plan = session.plan(SdkMessages.outgoing(request.request(), body));
            if (plan instanceof ExchangePlan.Replay replay) {
                return replay(replay.response().encodedForWire(), handler);
            }
            ExchangePlan.Call call = (ExchangePlan.Call) plan;
            RecordingHandler recording = call.recorder().map(r -> new RecordingHandler(handler, r, session.maxDrainBytes())).orElse(null);
            AsyncExecuteRequest.Builder again = AsyncExecuteRequest.builder().request(request.request())
                    .requestContentPublisher(RequestBody.of(body)).fullDuplex(request.fullDuplex())
                    .httpExecutionAttributes(request.httpExecutionAttributes())
                    .responseHandler(recording == null ? handler : recording);
            request.metricCollector().ifPresent(again::metricCollector);
            CompletableFuture<Void> upstream;
            try {
                upstream = delegate.execute(again.build());
            } catch (RuntimeException e) {
                if (recording != null) {
                    recording.upstreamFailed(e);
                }
                throw e;
            }
            return upstream.whenComplete((ok, error) -> {
                if (error != null && recording != null) {
                    recording.upstreamFailed(error); // a no-op if the stream or the handler already ended the recording
                }
            });
        }).whenComplete((ok, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                done.completeExceptionally(cause);
            }
        });
        return done;
    }

    /** Hands the recorded response to the SDK's handler; the future completes when its body has been published. */
    private CompletableFuture<Void> replay(ReplayedResponse response, SdkAsyncHttpResponseHandler handler) {
        CompletableFuture<Void> published = new CompletableFuture<>();
        handler.onHeaders(SdkMessages.response(response));
        List<byte[]> chunks = response.chunks();
        List<Long> delays = response.delaysMs();
        if (EventStreamFrames.applies(response.headers().first("content-type").orElse(null))) {
            EventStreamFrames frames = EventStreamFrames.split(chunks, delays);
            chunks = frames.chunks();
            delays = frames.delaysMs();
        }
        ChunkPublisher body = new ChunkPublisher(chunks, delays, response.failure(), session.sleeper());
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
