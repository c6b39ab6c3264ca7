package dev.replayharness.anthropicsdk;

import java.util.Objects;

import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.Interceptor;

import dev.replayharness.anthropicsdk.internal.HarnessTransport;
import dev.replayharness.core.HarnessSession;

/**
 * Routes the official Anthropic Java SDK ({@code com.anthropic:anthropic-java}) through the harness. The
 * SDK's {@link Interceptor} wraps its HTTP transport in another {@link HttpClient}; this one is the
 * harness's:
 *
 * <pre>{@code
 * AnthropicClient claude = AnthropicOkHttpClient.builder().baseUrl(url).authToken(key)
 *         .addInterceptor(HarnessAnthropic.interceptor(session)).build();
 * }</pre>
 *
 * <p>In replay mode it answers from the recording and never calls the SDK's transport, so no connection
 * is opened; in record mode it calls the transport and tees the response body into the recording as the
 * SDK reads it, so {@code createStreaming} hands out each typed event ({@code message_start},
 * {@code content_block_delta}, …) as it arrives. The SDK applies its credentials
 * ({@code Authorization}) and telemetry ({@code X-Stainless-*}, {@code User-Agent}) above interceptors:
 * the first is redacted, neither is part of a key or a file.
 *
 * <p>A replay miss is thrown as the harness's {@code ReplayMissError} (an {@code AssertionError}), which
 * the SDK's retry loop does not retry and passes through untouched, from {@code create} and
 * {@code createStreaming} alike; an async client's future fails with it.
 */
public final class HarnessAnthropic {
    private HarnessAnthropic() {}

    /** The interceptor that records and replays through {@code session}; add it last. */
    public static Interceptor interceptor(HarnessSession session) {
        Objects.requireNonNull(session, "session");
        return transport -> new HarnessTransport(transport, session);
    }
}
