package dev.replayharness.bedrock;

/**
 * What to do with reasoning found in earlier assistant turns of a request.
 *
 * <p>gpt-oss on Bedrock returns its reasoning inline as {@code <reasoning>…</reasoning>}. If an
 * application feeds a whole answer back as history, that reasoning would be sent as if the
 * assistant had said it; gpt-oss is meant to see only its earlier answers.
 */
public enum ReasoningPolicy {
    /** Remove {@code <reasoning>} blocks from assistant messages before sending (default). */
    DROP_FROM_HISTORY,
    /** Send assistant messages exactly as given. */
    KEEP_IN_HISTORY
}
