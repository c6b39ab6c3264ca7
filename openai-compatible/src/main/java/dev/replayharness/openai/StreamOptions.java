package dev.replayharness.openai;

/**
 * The {@code stream_options} parameter.
 *
 * @param includeUsage ask for a final chunk with usage and empty {@code choices}
 */
public record StreamOptions(Boolean includeUsage) {}
