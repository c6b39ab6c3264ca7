/**
 * The Amazon Bedrock provider: chat completions against Bedrock's OpenAI-compatible endpoint
 * ({@code https://bedrock-runtime.{region}.amazonaws.com/openai/v1}).
 *
 * <p>Start at {@link dev.replayharness.bedrock.BedrockClient}, configured by a
 * {@link dev.replayharness.bedrock.BedrockConfig} built in code or loaded from a Llama Stack run
 * configuration with {@link dev.replayharness.bedrock.StackConfig}. Everything Bedrock-specific
 * lives here: the endpoint, the API key and its expiry check, model names, the operations Bedrock
 * does not offer, error mapping and retries. The wire protocol is
 * {@code dev.replayharness.openai}'s.
 */
package dev.replayharness.bedrock;
