package dev.replayharness.bedrock;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The models a {@link BedrockClient} may call. Looking a model up never touches the network.
 */
public final class ModelRegistry {

    private final List<RegisteredModel> models;

    private ModelRegistry(List<RegisteredModel> models) {
        this.models = List.copyOf(models);
    }

    /** A registry of exactly these models. */
    public static ModelRegistry of(List<RegisteredModel> models) {
        return new ModelRegistry(models);
    }

    /** gpt-oss 20B only, as registered by the minimal stack configuration. */
    public static ModelRegistry defaults() {
        return of(List.of(RegisteredModel.GPT_OSS_20B));
    }

    /** All registered models. */
    public List<RegisteredModel> models() {
        return models;
    }

    /**
     * The model a request names, by stack id, model id or provider resource id.
     *
     * @throws BedrockModelNotFoundException listing the registered models, when none matches
     */
    public RegisteredModel resolve(String name) {
        return models.stream()
                .filter(model -> model.isNamed(name))
                .findFirst()
                .orElseThrow(() -> new BedrockModelNotFoundException(unknownModel(name), null, null, null));
    }

    private String unknownModel(String name) {
        String known = models.isEmpty()
                ? "none are registered"
                : models.stream()
                        .map(model -> model.stackId() + " (Bedrock id " + model.providerResourceId() + ")")
                        .collect(Collectors.joining(", ", "registered: ", ""));
        return "model '" + name + "' is not registered for Bedrock; no request was sent (" + known + ")."
                + " Use one of those, or add it under registered_resources.models in the stack configuration.";
    }

    @Override
    public String toString() {
        return "ModelRegistry" + models.stream().map(RegisteredModel::stackId).toList();
    }
}
