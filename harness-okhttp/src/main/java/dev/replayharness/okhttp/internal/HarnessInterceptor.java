package dev.replayharness.okhttp.internal;

import java.io.IOException;
import java.util.Optional;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;

/**
 * The harness as an OkHttp application interceptor, on the engine's exchange driver: replay answers
 * without {@code proceed}; record proceeds and tees the body; live proceeds. Application interceptors
 * run before OkHttp's bridge, so it sees the caller's headers (not OkHttp's {@code User-Agent} or
 * {@code Accept-Encoding}) and a body that OkHttp has already gunzipped when it asked for gzip itself.
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
        OutgoingRequest outgoing = new OutgoingRequest(
                request.method(), request.url().uri(), OkHttpMessages.requestHeaders(request), body);
        Request forward = OkHttpMessages.withBufferedBody(request, body); // the original body may be one-shot
        // A ReplayMissError leaves Exchange.run untouched; an upstream failure ends the recorder there.
        return Exchange.<Response, IOException, RuntimeException>run(
                session,
                outgoing,
                replayed -> OkHttpMessages.replayed(request, replayed, session.sleeper()),
                recorder -> tee(chain.proceed(forward), recorder));
    }

    private static Response tee(Response response, Optional<ResponseRecorder> recorder) {
        if (recorder.isEmpty()) {
            return response;
        }
        recorder.get().started(response.code(), OkHttpMessages.responseHeaders(response));
        // The caller reads what replay will hand it (normalized ids, event by event): its length may differ.
        RecordingInputStream body =
                RecordingInputStream.asReplayed(response.body().byteStream(), recorder.get());
        Response.Builder teed = response.newBuilder()
                .body(OkHttpMessages.streamingBody(
                        response.body(),
                        body,
                        body.passesThrough() ? response.body().contentLength() : -1));
        if (!body.passesThrough()) {
            teed.removeHeader("Content-Length");
        }
        return teed.build();
    }

    @Override
    public String toString() {
        return "HarnessInterceptor[" + session + "]";
    }
}
