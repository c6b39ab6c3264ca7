package dev.replayharness.awssdk;

import java.util.Objects;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

import dev.replayharness.core.HarnessSession;

/**
 * Wires the harness into an AWS SDK for Java v2 client, in one line, around any HTTP client implementation (Apache,
 * Apache 5, URLConnection, Netty, CRT):
 *
 * <pre>{@code
 * BedrockRuntimeClient sync = BedrockRuntimeClient.builder()
 *         .httpClient(HarnessAws.wrap(ApacheHttpClient.create(), session)).build();
 * BedrockRuntimeAsyncClient async = BedrockRuntimeAsyncClient.builder()
 *         .httpClient(HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session)).build();
 * }</pre>
 *
 * <p>The wrapper sits below the SDK's signer: requests arrive signed, and the signature headers ({@code Authorization},
 * {@code X-Amz-Date}, {@code X-Amz-Security-Token}, {@code x-amz-content-sha256}, {@code amz-sdk-*},
 * {@code User-Agent}) are not in the session's request-header allow-list, so they enter no key and no file. In
 * replay, the wrapped client is never called: dummy static credentials do, and no connection is opened. Closing the
 * wrapper closes the wrapped client.
 *
 * <p>With harness-junit on the test classpath, a {@code @Recorded} test may instead take a
 * {@code BedrockRuntimeClient}, {@code BedrockRuntimeAsyncClient}, {@code SdkHttpClient} or {@code SdkAsyncHttpClient}
 * parameter, already wired to its session (dummy credentials and region in replay; the SDK's defaults otherwise).
 */
public final class HarnessAws {

    private HarnessAws() {}

    /** A synchronous HTTP client that records or replays through {@code session}, calling {@code client} upstream. */
    public static SdkHttpClient wrap(SdkHttpClient client, HarnessSession session) {
        return new HarnessSdkHttpClient(
                Objects.requireNonNull(client, "client"), Objects.requireNonNull(session, "session"));
    }

    /** An asynchronous HTTP client that records or replays through {@code session}, calling {@code client} upstream. */
    public static SdkAsyncHttpClient wrapAsync(SdkAsyncHttpClient client, HarnessSession session) {
        return new HarnessSdkAsyncHttpClient(
                Objects.requireNonNull(client, "client"), Objects.requireNonNull(session, "session"));
    }
}
