package dev.replayharness.spring;

import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

import reactor.core.publisher.Mono;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;

/** The {@link ClientHttpConnector} of {@link HarnessWebClient}, on the engine's exchange driver ({@link Exchange}). */
final class HarnessConnector implements ClientHttpConnector {
    private final HarnessSession session;
    private final Supplier<ClientHttpConnector> delegate;

    /** @param delegate the upstream connector, asked for only when a request goes upstream */
    HarnessConnector(HarnessSession session, Supplier<ClientHttpConnector> delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public Mono<ClientHttpResponse> connect(
            HttpMethod method, URI uri, Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
        CapturedRequest captured = new CapturedRequest(method, uri);
        return requestCallback.apply(captured).then(Mono.defer(() -> exchange(captured)));
    }

    private Mono<ClientHttpResponse> exchange(CapturedRequest captured) {
        OutgoingRequest outgoing = new OutgoingRequest(
                captured.getMethod().name(),
                captured.getURI(),
                SpringHeaders.toHarness(captured.getHeaders()),
                captured.body());
        return Exchange.<Mono<ClientHttpResponse>, RuntimeException, RuntimeException>run(
                session,
                outgoing,
                replayed -> Mono.just(new ReplayedReactiveResponse(replayed.decoded(), session.sleeper())),
                recorder -> {
                    Mono<ClientHttpResponse> upstream =
                            delegate.get().connect(captured.getMethod(), captured.getURI(), captured::replayOnto);
                    return recorder.isEmpty() ? upstream : teed(upstream, recorder.get());
                });
    }

    /** The recorder sees the response when it arrives; a failure or cancellation before it ends the recorder. */
    private static Mono<ClientHttpResponse> teed(Mono<ClientHttpResponse> upstream, ResponseRecorder recorder) {
        AtomicBoolean started = new AtomicBoolean();
        return upstream.<ClientHttpResponse>map(response -> {
                    started.set(true);
                    recorder.started(response.getStatusCode().value(), SpringHeaders.toHarness(response.getHeaders()));
                    return new TeedReactiveResponse(response, recorder);
                })
                .doOnError(recorder::failed)
                .doOnCancel(() -> {
                    if (!started
                            .get()) { // a Mono may also be cancelled after its value: the body then ends the recording
                        recorder.failed(new CancellationException(
                                "the caller cancelled the exchange before the response arrived"));
                    }
                });
    }
}
