/**
 * The {@code java.net.http.HttpClient} adapter: {@link dev.replayharness.core.jdk.JdkHarness#wrap}
 * returns a client that records and replays through a {@link dev.replayharness.core.HarnessSession}.
 */
package dev.replayharness.core.jdk;
