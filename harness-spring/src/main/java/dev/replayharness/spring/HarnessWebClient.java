package dev.replayharness.spring;

import java.util.Objects;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.recording.RecordingFormatException;

/**
 * Spring's {@code WebClient} through the harness, in one line of wiring:
 *
 * <pre>{@code
 * WebClient web = HarnessWebClient.wire(WebClient.builder(), session).build();
 * // Spring AI: OpenAiApi.builder().webClientBuilder(HarnessWebClient.wire(WebClient.builder(), session))
 * }</pre>
 *
 * <p>A {@link ClientHttpConnector} sees the exact bytes the codecs wrote, so the request is keyed as sent. It
 * answers from the recording without calling the delegate connector (no connection is opened), or calls it and
 * copies every body buffer into the recording as it passes to the caller: a server-sent event stream reaches
 * the caller chunk by chunk while it is recorded. {@code WebClient} wraps a connector's errors in a
 * {@link WebClientRequestException}; the filter that {@link #wire} adds takes a {@link ReplayMissError} (and a
 * {@link RecordingFormatException}) back out, so the {@code Mono}/{@code Flux} fails with the harness's own error.
 */
public final class HarnessWebClient {

    private HarnessWebClient() {}

    /**
     * A connector that routes through {@code session} and calls upstream with Spring's JDK connector, made on
     * first use: replay makes none (each would start a {@code java.net.http} selector thread).
     */
    public static ClientHttpConnector connector(HarnessSession session) {
        Objects.requireNonNull(session, "session");
        return new HarnessConnector(session, new Lazy<>(JdkClientHttpConnector::new));
    }

    /** A connector that routes through {@code session} and calls upstream with {@code delegate}. */
    public static ClientHttpConnector connector(HarnessSession session, ClientHttpConnector delegate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(delegate, "delegate");
        return new HarnessConnector(session, () -> delegate);
    }

    /** Sets {@link #connector(HarnessSession)} and the unwrapping filter on {@code builder}; returns the builder. */
    public static WebClient.Builder wire(WebClient.Builder builder, HarnessSession session) {
        return builder.clientConnector(connector(session)).filter(harnessErrors());
    }

    /** The same, calling upstream with {@code delegate} (Reactor Netty's connector, say). */
    public static WebClient.Builder wire(
            WebClient.Builder builder, HarnessSession session, ClientHttpConnector delegate) {
        return builder.clientConnector(connector(session, delegate)).filter(harnessErrors());
    }

    /** Takes the harness's own errors out of the {@link WebClientRequestException} that {@code WebClient} wraps them in. */
    public static ExchangeFilterFunction harnessErrors() {
        return (request, next) -> next.exchange(request)
                .onErrorMap(
                        e -> e instanceof WebClientRequestException
                                && (e.getCause() instanceof ReplayMissError
                                        || e.getCause() instanceof RecordingFormatException),
                        Throwable::getCause);
    }
}
