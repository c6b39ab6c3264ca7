package dev.replayharness.bedrock.recorded;

import dev.replayharness.bedrock.BedrockResponseNormalizer;
import dev.replayharness.core.Harness;
import dev.replayharness.junit.HarnessCustomizer;

/**
 * Bedrock's chat completions carry a fresh {@code id} and {@code created} on every call, and its
 * streams a random {@code obfuscation} per choice: recorded as {@code rec-<key>} and 0, and without
 * the padding ({@link BedrockResponseNormalizer}), so re-recording an unchanged upstream changes nothing.
 */
public final class BedrockNormalization implements HarnessCustomizer {
    @Override
    public void customize(Harness.Builder harness) {
        harness.responseNormalizer(BedrockResponseNormalizer.create());
    }
}
