package dev.replayharness.core.jdk;

import java.net.http.HttpClient;

import dev.replayharness.core.HarnessSession;

/**
 * Wires the harness into {@code java.net.http}:
 *
 * <pre>{@code HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);}</pre>
 *
 * <p>The returned client replays from recordings without touching {@code delegate}, or sends through
 * {@code delegate} and tees the response, chunk by chunk as it arrives, into a recording.
 */
public final class JdkHarness {
    private JdkHarness() {}

    /** A client that routes every request through {@code session}. */
    public static HttpClient wrap(HttpClient delegate, HarnessSession session) {
        return new HarnessHttpClient(delegate, session);
    }
}
