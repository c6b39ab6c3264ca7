package dev.replayharness.junit;

import java.net.http.HttpClient;
import java.util.Objects;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * Routes clients that the code under test builds itself (a provider adapter, say) through the current
 * test's session. Take it as a test parameter and hand it to that code:
 *
 * <pre>{@code
 * @Test
 * void answers(HttpClientWiring wiring) {
 *     BedrockClient client = BedrockClient.builder().httpClient(wiring.wrap(HttpClient.newHttpClient())).build();
 * }
 * }</pre>
 *
 * <p>Bound to one test invocation, so parallel tests never share one; nothing global is set. The
 * clients it wraps or builds belong to the caller, who closes them.
 *
 * @param session the session of the test this wiring belongs to
 */
public record HttpClientWiring(HarnessSession session) {

    public HttpClientWiring {
        Objects.requireNonNull(session, "session");
    }

    /** A {@code java.net.http} client that sends through {@code delegate} via this test's session. */
    public HttpClient wrap(HttpClient delegate) {
        return JdkHarness.wrap(delegate, session);
    }

    /** Adds this test's harness handler to an Apache classic client builder. */
    public HttpClientBuilder wire(HttpClientBuilder builder) {
        return ApacheHarness.wire(builder, session);
    }

    /** Adds this test's harness handler to an Apache async client builder. */
    public HttpAsyncClientBuilder wire(HttpAsyncClientBuilder builder) {
        return ApacheHarness.wire(builder, session);
    }
}
