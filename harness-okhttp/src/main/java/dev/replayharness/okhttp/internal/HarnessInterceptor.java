package dev.replayharness.okhttp.internal;

import java.io.IOException;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The harness as an OkHttp application interceptor. Replay answers without {@code proceed}; record
 * proceeds and tees the body; live proceeds. Application interceptors run before OkHttp's bridge, so
 * it sees the caller's headers (not OkHttp's {@code User-Agent}/{@code Accept-Encoding}) and a body
 * that OkHttp has already gunzipped when it asked for gzip itself.
 */
public final class HarnessInterceptor implements Interceptor {
    private final HarnessSession session;

    public HarnessInterceptor(HarnessSession session) {
        this.session = session;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        byte[] body = OkHttpMessages.bodyBytes(request);
        OutgoingRequest outgoing = new OutgoingRequest(request.method(), request.url().uri(),
                OkHttpMessages.requestHeaders(request), body);
        ExchangePlan plan = session.plan(outgoing); // a ReplayMissError leaves here, untouched
        if (plan instanceof ExchangePlan.Replay replay) {
            return OkHttpMessages.replayed(request, replay.response(), session.sleeper());
        }
        Request forward = OkHttpMessages.withBufferedBody(request, body); // the original body may be one-shot
        ExchangePlan.Call call = (ExchangePlan.Call) plan;
        if (call.recorder().isEmpty()) {
            return chain.proceed(forward);
        }
        return record(chain, forward, call.recorder().get());
    }

    private Response record(Chain chain, Request forward, ResponseRecorder recorder) throws IOException {
        Response response;
        try {
            response = chain.proceed(forward);
        } catch (IOException | RuntimeException | Error e) {
            recorder.failed(e); // before any response: nothing is recorded, and the session stops waiting
            throw e;
        }
        recorder.started(response.code(), OkHttpMessages.responseHeaders(response));
        RecordingInputStream tee = new RecordingInputStream(response.body().byteStream(), recorder,
                session.maxDrainBytes());
        return response.newBuilder().body(OkHttpMessages.streamingBody(response.body(), tee)).build();
    }

    @Override
    public String toString() {
        return "HarnessInterceptor[" + session + "]";
    }
}
