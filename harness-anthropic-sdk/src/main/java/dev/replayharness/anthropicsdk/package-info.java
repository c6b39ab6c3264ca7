/**
 * The official Anthropic Java SDK adapter: {@link dev.replayharness.anthropicsdk.HarnessAnthropic#interceptor}
 * puts the harness around the SDK's own HTTP transport, so its calls are recorded and replayed through
 * a {@link dev.replayharness.core.HarnessSession}, streams included.
 */
package dev.replayharness.anthropicsdk;
