package dev.replayharness.llamastack;

/**
 * Whether imported recordings are shared or keyed by the Llama Stack test that made them (under
 * {@link LlamaStackImporter#testId(String)}).
 */
public enum ImportScope {
    /**
     * Shared, except where files of one import make the same request: those are test-scoped, so each test's
     * answer survives. The default: a shared recording replays for any test that makes its request (a JUnit
     * test's id, {@code Class#method}, can never equal a pytest node id), and nothing is lost.
     */
    AUTO,
    /** Every file shared; files of one import that make the same request are refused. */
    SHARED,
    /** Every file with a {@code test_id} test-scoped, as Llama Stack keys them; files without one are shared. */
    TEST
}
