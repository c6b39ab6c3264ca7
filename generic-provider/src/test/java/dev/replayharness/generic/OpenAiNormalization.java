package dev.replayharness.generic;

import dev.replayharness.core.Harness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.junit.HarnessCustomizer;

/** OpenAI-compatible servers stamp each answer with a fresh id and time: recorded as {@code rec-<key>} and 0. */
public final class OpenAiNormalization implements HarnessCustomizer {
    @Override
    public void customize(Harness.Builder harness) {
        harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
    }
}
