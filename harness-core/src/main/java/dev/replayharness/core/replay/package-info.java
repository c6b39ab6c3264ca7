/**
 * {@link dev.replayharness.core.replay.ReplayedResponse}: a response rebuilt from a recording, which the store
 * renders and an adapter hands its caller, and the {@link dev.replayharness.core.replay.Sleeper} its recorded
 * timing waits with.
 */
package dev.replayharness.core.replay;
