/**
 * A wire client for OpenAI-compatible Chat Completions endpoints (OpenAI, vLLM, Ollama, Amazon
 * Bedrock's {@code /openai/v1}).
 *
 * <p>Start at {@link dev.replayharness.openai.OpenAiCompatibleClient}. Values on the wire are the
 * records in this package ({@link dev.replayharness.openai.ChatCompletionRequest},
 * {@link dev.replayharness.openai.ChatCompletion}, {@link dev.replayharness.openai.ChatCompletionChunk});
 * {@link dev.replayharness.openai.OpenAiJson} reads and writes them in the snake_case wire form.
 * Provider-specific policy (authentication, retries, model names) belongs to the provider that
 * uses this client, not here.
 */
package dev.replayharness.openai;
