package dev.replayharness.openai;

/**
 * One alternative of a non-streamed completion.
 *
 * @param index position among the alternatives (0 unless {@code n > 1})
 * @param message the generated message
 * @param finishReason why generation stopped: {@code stop}, {@code length}, {@code content_filter}, …
 */
public record Choice(Integer index, ChatMessage message, String finishReason) {}
