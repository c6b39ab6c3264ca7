package dev.replayharness.core.apache;

import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import dev.replayharness.core.HarnessSession;

/**
 * Wires the harness into Apache HttpClient 5, in one line:
 *
 * <pre>{@code
 * CloseableHttpClient client = ApacheHarness.wire(HttpClients.custom(), session).build();
 * CloseableHttpAsyncClient async = ApacheHarness.wire(HttpAsyncClients.custom(), session).build();
 * }</pre>
 */
public final class ApacheHarness {
    /** The name under which the handler sits in the exec chain: {@value}. */
    public static final String HANDLER_NAME = "replay-harness";

    private ApacheHarness() {}

    /** Adds the classic handler first in the exec chain (before redirects, retries and connection leasing). */
    public static HttpClientBuilder wire(HttpClientBuilder builder, HarnessSession session) {
        return builder.addExecInterceptorFirst(HANDLER_NAME, classicHandler(session));
    }

    /** Adds the async handler first in the exec chain. */
    public static HttpAsyncClientBuilder wire(HttpAsyncClientBuilder builder, HarnessSession session) {
        return builder.addExecInterceptorFirst(HANDLER_NAME, asyncHandler(session));
    }

    /** The classic exec chain handler, for builders configured by hand. */
    public static ExecChainHandler classicHandler(HarnessSession session) {
        return new HarnessExecChainHandler(session);
    }

    /** The async exec chain handler, for builders configured by hand. */
    public static AsyncExecChainHandler asyncHandler(HarnessSession session) {
        return new HarnessAsyncExecChainHandler(session);
    }
}
