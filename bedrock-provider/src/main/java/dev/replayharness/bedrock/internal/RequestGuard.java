package dev.replayharness.bedrock.internal;

import java.util.List;

import dev.replayharness.bedrock.BedrockValidationException;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.ReasoningPolicy;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatMessage;

/**
 * Checks a request against the registered models before anything is sent, and puts the model's
 * Bedrock id on it. Everything else, tools and tool turns included, goes to Bedrock as the caller
 * gave it (Bedrock answered every recorded request that carried {@code tools}); only the opt-in
 * {@link ReasoningPolicy#DROP_FROM_HISTORY} rewrites earlier assistant turns.
 */
public final class RequestGuard {

    private final ModelRegistry models;
    private final ReasoningPolicy reasoningPolicy;

    public RequestGuard(ModelRegistry models, ReasoningPolicy reasoningPolicy) {
        this.models = models;
        this.reasoningPolicy = reasoningPolicy;
    }

    /** The model a request names; fails for unknown and non-chat models. */
    public RegisteredModel chatModel(ChatCompletionRequest request) {
        RegisteredModel model = models.resolve(request.model());
        if (!"llm".equals(model.modelType())) {
            throw new BedrockValidationException(
                    "model " + model.stackId() + " is registered as model_type " + model.modelType()
                            + ", not llm, so it cannot answer chat completions; no request was sent.",
                    null,
                    null,
                    null);
        }
        return model;
    }

    /** The request as it goes on the wire to Bedrock. */
    public ChatCompletionRequest prepare(ChatCompletionRequest request, RegisteredModel model) {
        // withModel would rebuild an equal request; skipping it keeps the caller's object when nothing changes.
        ChatCompletionRequest named = model.providerResourceId().equals(request.model())
                ? request
                : request.withModel(model.providerResourceId());
        if (reasoningPolicy == ReasoningPolicy.KEEP_IN_HISTORY) {
            return named;
        }
        List<ChatMessage> history = named.messages().stream()
                .map(message ->
                        "assistant".equals(message.role()) && message.split().hasReasoning()
                                ? message.withoutReasoning()
                                : message)
                .toList();
        return named.withMessages(history);
    }
}
