package dev.replayharness.spring;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.ResponseRecorder;
import reactor.core.publisher.Mono;

/** The {@link ClientHttpConnector} of {@link HarnessWebClient}. */
final class HarnessConnector implements ClientHttpConnector {
    private final HarnessSession session;
    private final ClientHttpConnector delegate;

    HarnessConnector(HarnessSession session, ClientHttpConnector delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
            Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
        CapturedRequest captured = new CapturedRequest(method, uri);
        return requestCallback.apply(captured).then(Mono.defer(() -> exchange(captured)));
    }

    private Mono<ClientHttpResponse> exchange(CapturedRequest captured) {
        ExchangePlan plan = session.plan(new OutgoingRequest(captured.getMethod().name(), captured.getURI(),
                SpringHeaders.toHarness(captured.getHeaders()), captured.body()));
        if (plan instanceof ExchangePlan.Replay replay) {
            return Mono.just(new ReplayedReactiveResponse(replay.response().decoded(), session.sleeper()));
        }
        Optional<ResponseRecorder> recorder = ((ExchangePlan.Call) plan).recorder();
        Mono<ClientHttpResponse> upstream = delegate.connect(captured.getMethod(), captured.getURI(), captured::replayOnto);
        if (recorder.isEmpty()) {
            return upstream;
        }
        OnceRecorder once = new OnceRecorder(recorder.get());
        return upstream.<ClientHttpResponse>map(response -> {
            once.started(response.getStatusCode().value(), SpringHeaders.toHarness(response.getHeaders()));
            return new TeedReactiveResponse(response, once);
        }).doOnError(once::failed).doOnCancel(() -> {
            if (!once.isStarted()) { // a Mono may also be cancelled after its value: the body then ends the recording
                once.failed(new java.util.concurrent.CancellationException(
                        "the caller cancelled the exchange before the response arrived"));
            }
        });
    }
}
