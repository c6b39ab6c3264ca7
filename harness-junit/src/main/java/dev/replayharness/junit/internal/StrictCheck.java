package dev.replayharness.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opentest4j.AssertionFailedError;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.fault.FaultDeclaration;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.store.RecordingsFolder;

/**
 * What a finished test left undone: faults that matched no exchange (always a failure: the declaration is wrong)
 * and, when strict, faults that never fired and recordings it owns that it never replayed.
 */
final class StrictCheck {
    private StrictCheck() {}

    static Optional<AssertionFailedError> check(String testId, HarnessSession session, boolean strict, Path namespace) {
        List<String> problems = new ArrayList<>();
        List<FaultDeclaration> matchedNothing = session.faults().matchedNothing();
        matchedNothing.forEach(d -> problems.add("fault " + d.describe() + " matched no exchange of this test"));
        if (strict) {
            session.faults().neverFired().stream()
                    .filter(d -> !matchedNothing.contains(d))
                    .forEach(d -> problems.add("fault " + d.describe() + " never fired (it matched " + d.matched()
                            + " exchange" + (d.matched() == 1 ? "" : "s") + ")"));
            unused(testId, session, namespace).forEach(f -> problems.add("recording " + f + " was not replayed"));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String requests = session.uses().stream()
                .map(u -> u.method() + " " + u.path() + " ("
                        + u.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
        return Optional.of(new AssertionFailedError("Replay Harness: test " + testId + (strict ? " (strict)" : "")
                + " left " + problems.size() + " thing" + (problems.size() == 1 ? "" : "s") + " undone:\n  - "
                + String.join("\n  - ", problems) + "\nIts exchanges: " + (requests.isEmpty() ? "none" : requests)
                + ".\nFix the fault's matchers (method, path, body-at, recording, nth), remove what the test no longer"
                + " needs, or" + (strict ? " drop strict." : " check that the test sends the request.")));
    }

    /** The test-scoped recordings of {@code testId} in the namespace that the session did not replay. */
    private static List<Path> unused(String testId, HarnessSession session, Path namespace) {
        if (!Files.isDirectory(namespace)) {
            return List.of();
        }
        Set<Path> replayed = session.uses().stream()
                .filter(u ->
                        u.outcome() == RecordingUse.Outcome.REPLAYED || u.outcome() == RecordingUse.Outcome.RECORDED)
                .flatMap(u -> u.recording().stream())
                .map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        List<Path> unused = new ArrayList<>();
        for (Path file : RecordingsFolder.at(namespace).jsonEntries()) {
            if (RecordingsFolder.name(file).isEmpty()
                    || replayed.contains(file.toAbsolutePath().normalize())) {
                continue;
            }
            try {
                if (RecordingsFolder.read(file).test().filter(testId::equals).isPresent()) {
                    unused.add(file);
                }
            } catch (RecordingFormatException e) {
                // replay and ./harness verify report a damaged file; it is no unused recording of this test
            }
        }
        return unused;
    }
}
