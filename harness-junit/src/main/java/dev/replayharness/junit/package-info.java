/**
 * The JUnit Jupiter extension of Replay Harness: annotate a test class with {@link dev.replayharness.junit.Recorded}
 * and take an HTTP client as a parameter; the test then replays its recordings, or records them.
 *
 * <p>Settings come from JUnit configuration parameters, listed in {@link dev.replayharness.junit.HarnessConfiguration}.
 */
package dev.replayharness.junit;
