package dev.replayharness.openai;

/**
 * One alternative inside a stream chunk.
 *
 * @param index position among the alternatives
 * @param delta what this chunk adds; servers may send an empty or absent delta
 * @param finishReason set on the chunk that ends the alternative (the last content chunk or a
 *     final empty one, depending on the server), null before
 */
public record ChunkChoice(Integer index, Delta delta, String finishReason) {}
