package dev.replayharness.awssdk.recorded;

import java.net.URI;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import dev.replayharness.awssdk.HarnessAws;
import dev.replayharness.bedrock.nativeapi.emulator.NativeEmulator;
import dev.replayharness.bedrock.nativeapi.emulator.NativeFault;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.setups.Setup;

/**
 * A bedrock-native setup ({@code suites/setups/<name>.properties}: {@code endpoint} {@code aws} or {@code emulator},
 * {@code model}, {@code region}): where the recorded tests send requests when they record. In replay nothing is sent:
 * the clients get dummy credentials and an endpoint nobody listens on. One per run; the emulator starts once.
 */
public final class NativeSetup implements AutoCloseable {
    /** The setup when none is named: {@value}. */
    public static final String DEFAULT_NAME = "bedrock-native";

    private static final AwsCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
    /** Replay sends nothing; if it ever did, this port (TCP discard, never served on loopback in CI) would refuse it. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private final Setup setup;
    private final boolean emulated;
    private NativeEmulator emulator;

    NativeSetup(Setup setup) {
        this.setup = setup;
        this.emulated = setup.require("endpoint", List.of("aws", "emulator")).equals("emulator");
        setup.require("model");
        setup.require("region");
    }

    /** The model id the tests call. */
    public String model() {
        return setup.require("model");
    }

    /** A synchronous client (Apache) whose HTTP goes through the session. */
    public BedrockRuntimeClient sync(HarnessSession session) {
        var builder = BedrockRuntimeClient.builder()
                .region(Region.of(setup.require("region")))
                .httpClient(HarnessAws.wrap(ApacheHttpClient.create(), session))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoint(session).ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(session)).build();
    }

    /** An asynchronous client (Netty) whose HTTP goes through the session. */
    public BedrockRuntimeAsyncClient async(HarnessSession session) {
        var builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(setup.require("region")))
                .httpClient(HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoint(session).ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(session)).build();
    }

    /**
     * Scripts a failure for the next request when recording against the emulator (Bedrock cannot be told to fail:
     * those recordings stay the emulator's). A no-op in replay.
     */
    public synchronized void fail(HarnessSession session, NativeFault fault) {
        if (session.mode() != Mode.REPLAY && emulated) {
            emulator().enqueue(fault);
        }
    }

    private java.util.Optional<URI> endpoint(HarnessSession session) {
        if (session.mode() == Mode.REPLAY) {
            return java.util.Optional.of(NOWHERE);
        }
        return emulated ? java.util.Optional.of(emulator().endpoint()) : java.util.Optional.empty();
    }

    private AwsCredentialsProvider credentials(HarnessSession session) {
        return session.mode() == Mode.REPLAY || emulated
                ? DUMMY
                : DefaultCredentialsProvider.builder().build();
    }

    private synchronized NativeEmulator emulator() {
        if (emulator == null) {
            emulator = NativeEmulator.start();
        }
        return emulator;
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "NativeSetup[" + setup + "]";
    }
}
