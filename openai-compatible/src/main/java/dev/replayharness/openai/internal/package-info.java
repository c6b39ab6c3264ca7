/**
 * Implementation details of the OpenAI-compatible client: the SSE parser and HTTP helpers.
 *
 * <p><strong>Not API.</strong> Anything here may change or disappear in any release; depend only on
 * {@code dev.replayharness.openai}.
 */
package dev.replayharness.openai.internal;
