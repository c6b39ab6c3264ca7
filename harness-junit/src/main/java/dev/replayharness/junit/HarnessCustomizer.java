package dev.replayharness.junit;

import dev.replayharness.core.Harness;

/**
 * Adds what a provider's tests need to every harness the extension builds for them: request and
 * response normalizers, secrets, headers to record. Named by {@link Recorded#normalization()} (then it
 * needs a no-argument constructor) or passed to {@link RecordReplayExtension.Builder#customizer}.
 *
 * <pre>{@code
 * public final class BedrockNormalization implements HarnessCustomizer {
 *     public void customize(Harness.Builder harness) {
 *         harness.responseNormalizer(ResponseNormalizer.openAiCompatible())
 *                .recordResponseHeaders("x-amzn-bedrock-invocation-latency");
 *     }
 * }
 * }</pre>
 *
 * <p>It runs after the configuration is applied, so it has the last word on the builder.
 */
@FunctionalInterface
public interface HarnessCustomizer {

    /** Adjusts the builder of one test's harness. Called once per test invocation. */
    void customize(Harness.Builder harness);

    /** Changes nothing: the default of {@link Recorded#normalization()}. */
    final class None implements HarnessCustomizer {
        @Override
        public void customize(Harness.Builder harness) {
            // nothing to add
        }
    }
}
