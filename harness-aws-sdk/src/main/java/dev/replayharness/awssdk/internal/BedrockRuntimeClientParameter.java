package dev.replayharness.awssdk.internal;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/**
 * Lets {@code @Recorded} tests take a {@link BedrockRuntimeClient} parameter: a Bedrock Runtime client whose HTTP goes through the test's
 * session, configured as {@link BedrockClients} says, and closed (with its HTTP client) after the test. Registered as
 * a {@code dev.replayharness.junit.SessionParameter} service; skipped when bedrockruntime is not on the classpath.
 */
public final class BedrockRuntimeClientParameter implements SessionParameter<BedrockRuntimeClient> {
    @Override
    public Class<BedrockRuntimeClient> type() {
        return BedrockRuntimeClient.class;
    }

    @Override
    public BedrockRuntimeClient create(HarnessSession session) {
        return BedrockClients.sync(session);
    }
}
