package dev.replayharness.server;

import java.util.Objects;

/**
 * One chat completion as the inference store keeps it: the completion the client received and the
 * messages it was asked for.
 *
 * @param id the completion id as served: the provider's with a per-test, per-run counter, e.g.
 *     {@code rec-0eca8ac96560-2} for the second replay of that recording
 * @param created the completion's {@code created} (epoch seconds; 0 in normalized recordings)
 * @param model the model that answered, as the provider names it
 * @param choicesJson the completion's {@code choices}, as a JSON array
 * @param usageJson the completion's {@code usage} as a JSON object, or null when it had none
 * @param inputMessagesJson the request's {@code messages}, as a JSON array
 */
public record StoredCompletion(
        String id, long created, String model, String choicesJson, String usageJson, String inputMessagesJson) {

    public StoredCompletion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(choicesJson, "choicesJson");
        Objects.requireNonNull(inputMessagesJson, "inputMessagesJson");
    }
}
