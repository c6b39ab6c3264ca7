package dev.replayharness.awssdk.internal;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/**
 * Lets {@code @Recorded} tests take a {@link BedrockRuntimeAsyncClient} parameter: a asynchronous Bedrock Runtime client whose HTTP goes through the test's
 * session, configured as {@link BedrockClients} says, and closed (with its HTTP client) after the test. Registered as
 * a {@code dev.replayharness.junit.SessionParameter} service; skipped when bedrockruntime is not on the classpath.
 */
public final class BedrockRuntimeAsyncClientParameter implements SessionParameter<BedrockRuntimeAsyncClient> {
    @Override
    public Class<BedrockRuntimeAsyncClient> type() {
        return BedrockRuntimeAsyncClient.class;
    }

    @Override
    public BedrockRuntimeAsyncClient create(HarnessSession session) {
        return BedrockClients.async(session);
    }
}
