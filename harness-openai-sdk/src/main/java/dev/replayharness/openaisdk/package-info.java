/**
 * A transport for the official OpenAI Java SDK ({@code com.openai:openai-java}) that sends the SDK's
 * calls through the harness, so tests using the SDK record and replay, streaming included:
 * {@link dev.replayharness.openaisdk.HarnessOpenAiTransport}. An optional module: harness-core does
 * not depend on the SDK.
 */
package dev.replayharness.openaisdk;
