package dev.replayharness.core.key;

import dev.replayharness.core.recording.RecordedRequest;

/**
 * An outgoing request as the harness keys it: what a recording of it holds (already redacted) and
 * its canonical forms, computed once.
 *
 * @param recorded what a recording of it would hold
 * @param path its raw path as recorded (redacted), for messages and endpoint matching
 * @param loopback whether it went to a loopback address (an emulator), so a recording of it says {@code emulator}
 * @param testScoped its canonical form with the test identity, or {@code null} without one
 * @param shared its canonical form without the test identity
 */
public record KeyedRequest(
        RecordedRequest recorded, String path, boolean loopback, CanonicalRequest testScoped, CanonicalRequest shared) {

    /** The form that identifies the request within a session: test-scoped when there is a test. */
    public CanonicalRequest primary() {
        return testScoped != null ? testScoped : shared;
    }

    /** The forms to look up, most specific first. */
    public java.util.List<CanonicalRequest> lookupOrder() {
        return testScoped == null ? java.util.List.of(shared) : java.util.List.of(testScoped, shared);
    }
}
