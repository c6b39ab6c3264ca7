package dev.replayharness.anthropicsdk.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.errors.AnthropicIoException;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * The SDK's transport with the harness around it, on the engine's exchange driver: replay answers
 * without calling {@code upstream}; record calls it and tees the body; live calls it. The request's
 * body is buffered first, so the bytes the harness keys are the bytes sent.
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
        // A ReplayMissError leaves Exchange.run untouched; an upstream failure ends the recorder there.
        try {
            return Exchange.<HttpResponse, RuntimeException, RuntimeException>run(
                    session,
                    SdkMessages.outgoing(buffered),
                    replayed -> replayed(buffered, replayed),
                    recorder -> tee(upstream.execute(buffered, requestOptions), recorder));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception injected) { // an injected transport fault, as the SDK's own client reports an I/O failure
            throw new AnthropicIoException("Request failed", injected);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
        HttpRequest buffered;
        OutgoingRequest outgoing;
        try {
            buffered = request.buffered();
            outgoing = SdkMessages.outgoing(buffered);
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
        return Exchange.runAsync(
                session,
                outgoing,
                replayed -> CompletableFuture.completedFuture(replayed(buffered, replayed)),
                recorder ->
                        upstream.executeAsync(buffered, requestOptions).thenApply(response -> tee(response, recorder)));
    }

    private HttpResponse replayed(HttpRequest request, ReplayedResponse replayed) {
        SdkMessages.close(request); // never sent
        return new ReplayedSdkResponse(replayed.decoded(), session.sleeper());
    }

    private static HttpResponse tee(HttpResponse response, Optional<ResponseRecorder> recorder) {
        return recorder.<HttpResponse>map(r -> TeedSdkResponse.of(response, r)).orElse(response);
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
