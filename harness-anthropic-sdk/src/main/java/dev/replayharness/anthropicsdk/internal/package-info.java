/** Not API: the transport behind {@link dev.replayharness.anthropicsdk.HarnessAnthropic} and its message translation. */
package dev.replayharness.anthropicsdk.internal;
