package dev.replayharness.bedrock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model registered statically, as under {@code registered_resources.models} of a stack
 * configuration: the models requests may name. What Bedrock itself offers in a region is
 * {@link BedrockClient#listModels()}.
 *
 * @param modelId the id registered in the stack, e.g. {@code openai.gpt-oss-20b-1:0}
 * @param providerId the provider serving it, e.g. {@code bedrock}
 * @param providerResourceId the name Bedrock knows it by, sent on the wire
 * @param modelType {@code llm} or {@code embedding}
 * @param metadata free-form metadata such as a description
 */
public record RegisteredModel(
        String modelId, String providerId, String providerResourceId, String modelType, Map<String, Object> metadata) {

    public RegisteredModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        providerResourceId = providerResourceId == null ? modelId : providerResourceId;
        modelType = modelType == null ? "llm" : modelType;
        // Not Map.copyOf: YAML metadata may hold null values, and its order is worth keeping.
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** gpt-oss 20B, the model Bedrock serves through its OpenAI-compatible endpoint in us-west-2. */
    public static final RegisteredModel GPT_OSS_20B = new RegisteredModel(
            "openai.gpt-oss-20b-1:0",
            "bedrock",
            "openai.gpt-oss-20b-1:0",
            "llm",
            Map.of("description", "OpenAI GPT-OSS 20B on Bedrock (us-west-2)"));

    /** The id clients of the stack use: {@code providerId/modelId}, e.g. {@code bedrock/openai.gpt-oss-20b-1:0}. */
    public String stackId() {
        String prefix = providerId + "/";
        return modelId.startsWith(prefix) ? modelId : prefix + modelId;
    }

    /** True if {@code name} is this model's stack id, model id or provider resource id. */
    public boolean isNamed(String name) {
        return stackId().equals(name) || modelId.equals(name) || providerResourceId.equals(name);
    }
}
