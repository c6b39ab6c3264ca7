/**
 * A wire client for OpenAI-compatible Chat Completions endpoints (OpenAI, vLLM, Ollama, Amazon
 * Bedrock's {@code /openai/v1}).
 *
 * <p>Start at {@link dev.replayharness.openai.OpenAiCompatibleClient}. Values on the wire are the
 * records in this package ({@link dev.replayharness.openai.ChatCompletionRequest},
 * {@link dev.replayharness.openai.ChatCompletion}, {@link dev.replayharness.openai.ChatCompletionChunk});
 * {@link dev.replayharness.openai.OpenAiJson} reads and writes them in the snake_case wire form.
 *
 * <p>They model the Chat Completions surface: tools ({@link dev.replayharness.openai.Tool},
 * {@link dev.replayharness.openai.ToolChoice}), tool calls ({@link dev.replayharness.openai.ToolCall}, streamed
 * as {@link dev.replayharness.openai.ToolCallDelta} and merged by {@link dev.replayharness.openai.StreamAccumulator}),
 * content as a string or parts ({@link dev.replayharness.openai.MessageContent},
 * {@link dev.replayharness.openai.ContentPart}), logprobs, refusals, usage details and the model list. Null
 * fields are left out of the wire form, and declared fields are written in declaration order, so the bytes of
 * a request are stable. A field a type does not model is never dropped: it is kept, JSON nulls included, in
 * the object's {@code extra()} map (a request's {@code extraFields()}) and written back after the modelled
 * ones, so a message taken from a response goes back into the history as it came.
 * Provider-specific policy (authentication, retries, model names) belongs to the provider that
 * uses this client, not here.
 */
package dev.replayharness.openai;
