package dev.replayharness.spring;

import java.util.Objects;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import dev.replayharness.core.HarnessSession;

/**
 * Spring's blocking clients through the harness, in one line of wiring:
 *
 * <pre>{@code
 * RestClient rest = HarnessRestClient.wire(RestClient.builder(), session).build();
 * // Spring AI: OpenAiApi.builder().restClientBuilder(HarnessRestClient.wire(RestClient.builder(), session))
 * }</pre>
 *
 * <p>The interceptor answers from the recording without calling the request factory (no connection is
 * opened), or calls it and tees the response body into the recording as the caller reads it. A replay miss
 * is thrown as the harness's {@code ReplayMissError}, which {@code RestClient} and {@code RestTemplate} pass
 * through unwrapped, and which Spring AI's {@code RetryTemplate} does not retry (it is not a transient error).
 */
public final class HarnessRestClient {

    private HarnessRestClient() {}

    /** The interceptor that routes requests through {@code session}; add it first, so it sees the final request. */
    public static ClientHttpRequestInterceptor interceptor(HarnessSession session) {
        return new HarnessInterceptor(Objects.requireNonNull(session, "session"));
    }

    /** Adds {@link #interceptor} to {@code builder}, after any interceptors it already has; returns the builder. */
    public static RestClient.Builder wire(RestClient.Builder builder, HarnessSession session) {
        return builder.requestInterceptor(interceptor(session));
    }

    /** Adds {@link #interceptor} to {@code template}, after any interceptors it already has; returns the template. */
    public static RestTemplate wire(RestTemplate template, HarnessSession session) {
        template.getInterceptors().add(interceptor(session));
        return template;
    }
}
