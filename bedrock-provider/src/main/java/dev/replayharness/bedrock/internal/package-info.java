/**
 * Implementation details of the Bedrock provider: key decoding, error mapping, retries, stack
 * configuration parsing.
 *
 * <p><strong>Not API.</strong> Anything here may change or disappear in any release; depend only on
 * {@code dev.replayharness.bedrock}.
 */
package dev.replayharness.bedrock.internal;
