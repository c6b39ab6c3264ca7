package dev.replayharness.junit.internal;

import java.util.List;

import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;

/** One finished test invocation, as the run report lists it. */
record TestEntry(String testId, String namespace, Mode mode, List<RecordingUse> uses) {
    TestEntry {
        uses = List.copyOf(uses);
    }
}
