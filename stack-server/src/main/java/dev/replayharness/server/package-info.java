/** An OpenAI-compatible, Llama Stack-style server for the Bedrock provider. */
package dev.replayharness.server;
