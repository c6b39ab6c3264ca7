package dev.replayharness.proxy;

import java.util.List;
import java.util.Optional;

/**
 * What one test's proxy traffic did, as {@code POST /__harness/tests/{id}/end} answers it. Recording
 * paths are relative to the recordings root ({@code <namespace>/<key>.json}), as in the JUnit run report.
 *
 * @param testId the test id, or empty for the shared scope (requests without {@value ReplayProxy#TEST_HEADER})
 * @param opened whether the test had a session: {@code false} when it sent no request since it was last ended
 * @param replayed the recordings replayed, in order (one entry per request)
 * @param recorded the recordings written when the session closed
 * @param missed the requests without a recording ({@code METHOD path}, redacted)
 * @param live how many requests went upstream without recording (mode {@code live})
 * @param faultsNeverFired the faults its {@value ReplayProxy#FAULT_HEADER} headers declared that never fired, each
 *     described with its declaration: a test that declared a fault and never met it did not test what it meant to
 */
public record TestSummary(
        Optional<String> testId,
        boolean opened,
        List<String> replayed,
        List<String> recorded,
        List<String> missed,
        int live,
        List<String> faultsNeverFired) {

    public TestSummary {
        faultsNeverFired = List.copyOf(faultsNeverFired);
        replayed = List.copyOf(replayed);
        recorded = List.copyOf(recorded);
        missed = List.copyOf(missed);
    }

    /** A summary without fault declarations (the form before faults were reported). */
    public TestSummary(
            Optional<String> testId,
            boolean opened,
            List<String> replayed,
            List<String> recorded,
            List<String> missed,
            int live) {
        this(testId, opened, replayed, recorded, missed, live, List.of());
    }

    static TestSummary none(String testId) {
        return new TestSummary(Optional.ofNullable(testId), false, List.of(), List.of(), List.of(), 0);
    }
}
