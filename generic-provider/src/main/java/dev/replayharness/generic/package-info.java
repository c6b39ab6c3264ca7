/**
 * A generic chat provider for any OpenAI-compatible server (Ollama, vLLM, OpenAI itself): a base URL,
 * an optional key, the wire client from {@code openai-compatible}, nothing else. It exists to show
 * what a provider needs from this project; see the README's "Adding a new provider".
 */
package dev.replayharness.generic;
