package dev.replayharness.bedrock;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.replayharness.bedrock.internal.StackConfigReader;

/**
 * A Llama Stack run configuration ({@code bedrock-run.yaml}) as far as the Bedrock provider reads
 * it. {@code ${env.NAME}} and {@code ${env.NAME:=default}} placeholders are replaced first; a
 * variable set to the empty string counts as unset.
 *
 * <p>Keys read: {@code providers.inference[].provider_id}, {@code .provider_type}
 * ({@value InferenceProvider#BEDROCK_TYPE}), {@code .config.api_key} (required),
 * {@code .config.region_name} (default {@value BedrockConfig#DEFAULT_REGION}), {@code .config.base_url}
 * (optional override); {@code registered_resources.models[]} with {@code model_id},
 * {@code provider_id}, {@code provider_resource_id} (default: the model id), {@code model_type}
 * ({@code llm} or {@code embedding}, default {@code llm}) and {@code metadata}; {@code server.port};
 * {@code version}, {@code image_name}, {@code apis}; and {@code storage}, kept but not used here.
 *
 * @param source the file read
 * @param version the format version, or null
 * @param imageName the image name, or null
 * @param apis the APIs the stack serves
 * @param inferenceProviders the inference providers, at least one
 * @param registeredModels the statically registered models
 * @param serverPort the server port, or null
 * @param storage the {@code storage} mapping with placeholders resolved; empty when absent
 */
public record StackConfig(
        Path source,
        Integer version,
        String imageName,
        List<String> apis,
        List<InferenceProvider> inferenceProviders,
        List<RegisteredModel> registeredModels,
        Integer serverPort,
        Map<String, Object> storage) {

    public StackConfig {
        apis = List.copyOf(apis);
        inferenceProviders = List.copyOf(inferenceProviders);
        registeredModels = List.copyOf(registeredModels);
    }

    /**
     * Reads a file, resolving placeholders from the process environment.
     *
     * @throws StackConfigException naming the file, key and fix when the file is wrong
     */
    public static StackConfig load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Reads a file, resolving placeholders with {@code environment} (null for an unset variable),
     * e.g. {@code Map.of(...)::get} in tests.
     *
     * @throws StackConfigException naming the file, key and fix when the file is wrong
     */
    public static StackConfig load(Path file, Function<String, String> environment) {
        return StackConfigReader.read(file, environment);
    }

    /** The settings of the first inference provider. */
    public BedrockConfig bedrockConfig() {
        return inferenceProviders.get(0).config();
    }

    /**
     * The settings of provider {@code providerId}.
     *
     * @throws IllegalArgumentException naming the providers there are, when none has that id
     */
    public BedrockConfig bedrockConfig(String providerId) {
        return inferenceProviders.stream()
                .filter(provider -> provider.providerId().equals(providerId))
                .findFirst()
                .map(InferenceProvider::config)
                .orElseThrow(() ->
                        new IllegalArgumentException(source + " has no inference provider '" + providerId + "'; it has "
                                + inferenceProviders.stream()
                                        .map(InferenceProvider::providerId)
                                        .toList()));
    }

    /** The registered models, for {@link BedrockClient.Builder#models(ModelRegistry)}. */
    public ModelRegistry models() {
        return ModelRegistry.of(registeredModels);
    }

    /** A summary; {@code storage} is left out because it may hold resolved secrets. */
    @Override
    public String toString() {
        return "StackConfig[source=" + source + ", providers=" + inferenceProviders + ", models="
                + registeredModels.stream().map(RegisteredModel::stackId).toList() + ", serverPort=" + serverPort + "]";
    }
}
