package dev.replayharness.openai;

/**
 * Token accounting of one completion. Fields are boxed because servers omit them at will.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens generated, reasoning included
 * @param totalTokens the sum
 */
public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {}
