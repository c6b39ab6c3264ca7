package dev.replayharness.openai.internal;

/**
 * One dispatched server-sent event.
 *
 * @param type the {@code event:} field, {@code message} when absent
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the last {@code id:} seen, or null
 */
public record SseEvent(String type, String data, String id) {}
