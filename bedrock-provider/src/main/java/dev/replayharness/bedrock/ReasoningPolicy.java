package dev.replayharness.bedrock;

/**
 * What to do with reasoning found in earlier assistant turns of a request.
 *
 * <p>gpt-oss on Bedrock returns its reasoning inline as {@code <reasoning>…</reasoning>}. The
 * client sends the caller's messages as given unless told otherwise: rewriting them by default
 * made a history that carries reasoning (as Llama Stack sends it) a different request from the
 * one recorded, so replay missed. Applications that feed whole answers back and want gpt-oss to
 * see only its earlier answers can ask for {@link #DROP_FROM_HISTORY}.
 */
public enum ReasoningPolicy {
    /** Send assistant messages exactly as given (default). */
    KEEP_IN_HISTORY,
    /** Remove {@code <reasoning>} blocks from the text of earlier assistant messages before sending. */
    DROP_FROM_HISTORY
}
