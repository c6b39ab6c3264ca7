package dev.replayharness.junit.internal;

import java.util.List;
import java.util.stream.Collectors;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.fault.FaultDeclaration;

/** Puts the seeds of a failed test's probabilistic faults beside its failure, so that the run can be repeated. */
final class FaultSeeds {
    private FaultSeeds() {}

    static void attach(Throwable failure, HarnessSession session) {
        List<FaultDeclaration> random = session.faults().declared().stream()
                .filter(d -> d.matcher().probability() < 1)
                .toList();
        if (random.isEmpty()) {
            return;
        }
        failure.addSuppressed(new FaultSeedsNote("Replay Harness: this test's faults fired at random; to repeat the"
                + " run, keep these seeds: "
                + random.stream()
                        .map(d -> d.describe() + " seed=" + d.matcher().seed())
                        .collect(Collectors.joining(", "))));
    }

    /** Carries the note; no stack trace, as it marks no failure of its own. */
    static final class FaultSeedsNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FaultSeedsNote(String message) {
            super(message, null, false, false);
        }
    }
}
