package dev.replayharness.anthropicsdk.internal;

import java.util.concurrent.CompletableFuture;

import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ResponseRecorder;

/**
 * The SDK's transport with the harness around it. Replay answers without calling {@code upstream};
 * record calls it and tees the body; live calls it. The request's body is buffered first, so the bytes
 * the harness keys are the bytes sent.
 */
public final class HarnessTransport implements HttpClient {
    private final HttpClient upstream;
    private final HarnessSession session;

    public HarnessTransport(HttpClient upstream, HarnessSession session) {
        this.upstream = upstream;
        this.session = session;
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
        HttpRequest buffered = request.buffered();
        ExchangePlan plan = session.plan(SdkMessages.outgoing(buffered)); // a ReplayMissError leaves here, untouched
        if (plan instanceof ExchangePlan.Replay replay) {
            SdkMessages.close(buffered);
            return new ReplayedSdkResponse(replay.response().decoded(), session.sleeper());
        }
        ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElse(null);
        if (recorder == null) {
            return upstream.execute(buffered, requestOptions);
        }
        HttpResponse response;
        try {
            response = upstream.execute(buffered, requestOptions);
        } catch (RuntimeException | Error e) {
            recorder.failed(e); // before any response: nothing is recorded, and the session stops waiting
            throw e;
        }
        return TeedSdkResponse.of(response, recorder, session.maxDrainBytes());
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
        HttpRequest buffered;
        ExchangePlan plan;
        try {
            buffered = request.buffered();
            plan = session.plan(SdkMessages.outgoing(buffered));
        } catch (RuntimeException | Error e) { // a ReplayMissError: the future fails with it, as it is
            return CompletableFuture.failedFuture(e);
        }
        if (plan instanceof ExchangePlan.Replay replay) {
            SdkMessages.close(buffered);
            return CompletableFuture.completedFuture(new ReplayedSdkResponse(replay.response().decoded(), session.sleeper()));
        }
        ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElse(null);
        CompletableFuture<HttpResponse> sent = upstream.executeAsync(buffered, requestOptions);
        if (recorder == null) {
            return sent;
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                recorder.failed(failure);
                throw failure instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(failure);
            }
            return TeedSdkResponse.of(response, recorder, session.maxDrainBytes());
        });
    }

    @Override
    public void close() {
        upstream.close();
    }

    @Override
    public String toString() {
        return "HarnessTransport[" + session + "]";
    }
}
