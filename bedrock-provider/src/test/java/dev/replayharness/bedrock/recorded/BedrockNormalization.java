package dev.replayharness.bedrock.recorded;

import dev.replayharness.core.Harness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.junit.HarnessCustomizer;

/**
 * Bedrock's chat completions carry a fresh {@code id} and {@code created} on every call: recorded as
 * {@code rec-<key>} and 0, so re-recording an unchanged upstream changes nothing.
 */
public final class BedrockNormalization implements HarnessCustomizer {
    @Override
    public void customize(Harness.Builder harness) {
        harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
    }
}
