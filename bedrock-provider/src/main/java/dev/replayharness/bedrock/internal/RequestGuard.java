package dev.replayharness.bedrock.internal;

import dev.replayharness.bedrock.BedrockUnsupportedOperationException;
import dev.replayharness.bedrock.BedrockValidationException;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.ReasoningPolicy;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatMessage;
import java.util.List;

/**
 * Checks a request against what Bedrock offers, before anything is sent, and rewrites it into
 * what Bedrock expects: the model's Bedrock id, and (by policy) history without reasoning.
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
        if (request.hasTools()) {
            throw new BedrockUnsupportedOperationException("Tool calling is not supported: Bedrock's OpenAI-compatible"
                    + " endpoint does not accept the tools parameter (such requests time out or are answered HTTP 400);"
                    + " no request was sent. Remove tools from the request, or use an API with tool support such as"
                    + " Bedrock's Converse API.", null, null, null);
        }
        RegisteredModel model = models.resolve(request.model());
        if (!"llm".equals(model.modelType())) {
            throw new BedrockValidationException("model " + model.stackId() + " is registered as model_type "
                    + model.modelType() + ", not llm, so it cannot answer chat completions; no request was sent.",
                    null, null, null);
        }
        return model;
    }

    /** The request as it goes on the wire to Bedrock. */
    public ChatCompletionRequest prepare(ChatCompletionRequest request, RegisteredModel model) {
        ChatCompletionRequest named = request.withModel(model.providerResourceId());
        if (reasoningPolicy == ReasoningPolicy.KEEP_IN_HISTORY) {
            return named;
        }
        List<ChatMessage> history = named.messages().stream()
                .map(message -> "assistant".equals(message.role()) && message.split().hasReasoning()
                        ? message.withoutReasoning()
                        : message)
                .toList();
        return named.withMessages(history);
    }
}
