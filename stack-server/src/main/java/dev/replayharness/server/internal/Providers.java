package dev.replayharness.server.internal;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.InferenceProvider;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * The stack's inference providers: which provider serves a model, and a Bedrock client for one
 * request whose HTTP goes through that request's harness session.
 */
public final class Providers {

    private final Harness harness;
    private final HttpClient http;
    private final List<RegisteredModel> models;
    private final Map<String, BedrockConfig> configs;
    private final Map<String, ModelRegistry> registries;

    public Providers(StackConfig stack, Harness harness, HttpClient http) {
        this.harness = harness;
        this.http = http;
        this.models = stack.registeredModels();
        this.configs = stack.inferenceProviders().stream()
                .collect(Collectors.toMap(InferenceProvider::providerId, InferenceProvider::config));
        this.registries = configs.keySet().stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        id -> ModelRegistry.of(models.stream()
                                .filter(m -> m.providerId().equals(id))
                                .toList())));
    }

    public List<RegisteredModel> models() {
        return models;
    }

    public Harness harness() {
        return harness;
    }

    /**
     * The registered chat model a request names (stack id, model id or provider resource id).
     *
     * @throws ApiError 404 listing the models there are, or 400 for an embedding model
     */
    public RegisteredModel chatModel(String name) {
        RegisteredModel model = models.stream()
                .filter(m -> m.isNamed(name))
                .findFirst()
                .orElseThrow(() -> new ApiError(
                        404,
                        "invalid_request_error",
                        "model_not_found",
                        "model",
                        "The model '" + name
                                + "' is not registered in this stack; registered: "
                                + models.stream().map(RegisteredModel::stackId).toList()
                                + ". Use one of those (GET /v1/models lists them), or add it under"
                                + " registered_resources.models in the stack configuration."));
        if (!model.modelType().equals("llm")) {
            throw ApiError.invalidRequest(
                    "model",
                    "The model '" + name + "' is an " + model.modelType()
                            + " model; chat completions need an llm model.");
        }
        return model;
    }

    /**
     * Every name the store may hold for the model that {@code name} names (its stack id, model id and
     * provider resource id: a completion's {@code model} is the provider's), or just {@code name}
     * when no registered model has it.
     */
    public List<String> modelNames(String name) {
        return models.stream()
                .filter(m -> m.isNamed(name))
                .findFirst()
                .map(m -> List.of(m.stackId(), m.modelId(), m.providerResourceId()).stream()
                        .distinct()
                        .toList())
                .orElse(List.of(name));
    }

    /** A session for one request: test-scoped when the client named its test, else shared. */
    public HarnessSession session(String testId) {
        return testId == null ? harness.sharedSession() : harness.session(testId);
    }

    /** A Bedrock client for {@code model}'s provider, over {@code session}. */
    public BedrockClient client(RegisteredModel model, HarnessSession session) {
        return BedrockClient.builder(configs.get(model.providerId()))
                .models(registries.get(model.providerId()))
                .httpClient(JdkHarness.wrap(http, session))
                .build();
    }
}
