package dev.replayharness.bedrock.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.InferenceProvider;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.bedrock.StackConfigException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a stack configuration file into a {@link StackConfig}, naming file and key on every error. */
public final class StackConfigReader {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final Set<String> MODEL_TYPES = Set.of("llm", "embedding");

    private StackConfigReader() {}

    public static StackConfig read(Path file, Function<String, String> environment) {
        JsonNode tree = parse(file);
        new EnvSubstitution(environment, file).resolveAll(tree, "");
        ConfigNode root = new ConfigNode(tree, "", file);
        List<InferenceProvider> providers = providers(root);
        Set<String> providerIds = new HashSet<>();
        providers.forEach(provider -> providerIds.add(provider.providerId()));
        return new StackConfig(
                file,
                root.optional("version").map(ConfigNode::integer).orElse(null),
                root.optional("image_name").map(ConfigNode::text).orElse(null),
                root.optional("apis")
                        .map(apis -> apis.list().stream().map(ConfigNode::text).toList())
                        .orElse(List.of()),
                providers,
                models(root, providerIds),
                root.optional("server")
                        .flatMap(server -> server.optional("port"))
                        .map(StackConfigReader::port)
                        .orElse(null),
                root.optional("storage").map(ConfigNode::toMap).orElse(Map.of()));
    }

    private static JsonNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new StackConfigException(
                    file,
                    null,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "check that the path is right and the file readable",
                    e);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new StackConfigException(
                    file,
                    null,
                    "is not valid YAML" + where + " (" + e.getOriginalMessage() + ")",
                    "correct the YAML syntax there",
                    e);
        }
        if (tree == null || !tree.isObject()) {
            throw new StackConfigException(
                    file,
                    null,
                    "is not a YAML mapping of keys such as providers and" + " registered_resources",
                    "start from bedrock-provider/bedrock-run.yaml",
                    null);
        }
        return tree;
    }

    private static List<InferenceProvider> providers(ConfigNode root) {
        ConfigNode inference = root.required("providers", "add a providers.inference list with a remote::bedrock entry")
                .required("inference", "add an inference list with a remote::bedrock entry");
        List<ConfigNode> entries = inference.list();
        if (entries.isEmpty()) {
            throw inference.error("is empty", "add an entry with provider_type: " + InferenceProvider.BEDROCK_TYPE);
        }
        List<InferenceProvider> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode entry : entries) {
            ConfigNode id = entry.required("provider_id", "give the provider an id, e.g. provider_id: bedrock");
            if (!ids.add(id.text())) {
                throw id.error("provider id '" + id.text() + "' is used twice", "give each provider its own id");
            }
            ConfigNode type = entry.required("provider_type", "write provider_type: " + InferenceProvider.BEDROCK_TYPE);
            if (!InferenceProvider.BEDROCK_TYPE.equals(type.text())) {
                throw type.error(
                        "unknown provider type '" + type.text() + "'; this module supports only "
                                + InferenceProvider.BEDROCK_TYPE,
                        "use provider_type: " + InferenceProvider.BEDROCK_TYPE + " or remove the entry");
            }
            providers.add(new InferenceProvider(
                    id.text(),
                    type.text(),
                    bedrockConfig(entry.required("config", "add a config mapping with api_key and region_name"))));
        }
        return providers;
    }

    private static BedrockConfig bedrockConfig(ConfigNode config) {
        String keyFix =
                "write api_key: ${env." + BedrockConfig.API_KEY_VARIABLE + ":=" + BedrockApiKey.REPLAY_DUMMY_KEY + "}";
        ConfigNode apiKey = config.required("api_key", keyFix);
        if (apiKey.text().isBlank()) {
            throw apiKey.error("is blank", keyFix);
        }
        BedrockConfig.Builder builder = BedrockConfig.builder(BedrockApiKey.of(apiKey.text()));
        config.optional("region_name").ifPresent(region -> builder.region(region.text()));
        config.optional("base_url").ifPresent(url -> builder.baseUri(uri(url)));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw config.optional("region_name")
                    .orElse(config)
                    .error(e.getMessage(), "use a region name such as " + BedrockConfig.DEFAULT_REGION);
        }
    }

    private static URI uri(ConfigNode url) {
        try {
            URI uri = new URI(url.text());
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw url.error("'" + url.text() + "' is not an absolute URL", "write e.g. http://127.0.0.1:8080/openai/v1");
    }

    private static List<RegisteredModel> models(ConfigNode root, Set<String> providerIds) {
        List<RegisteredModel> models = new ArrayList<>();
        List<ConfigNode> entries = root.optional("registered_resources")
                .flatMap(resources -> resources.optional("models"))
                .map(ConfigNode::list)
                .orElse(List.of());
        for (ConfigNode entry : entries) {
            String modelId = entry.required("model_id", "give the model id, e.g. model_id: openai.gpt-oss-20b-1:0")
                    .text();
            ConfigNode provider =
                    entry.required("provider_id", "name the provider serving it, e.g. provider_id: bedrock");
            if (!providerIds.contains(provider.text())) {
                throw provider.error(
                        "no inference provider has id '" + provider.text() + "' (there are " + providerIds + ")",
                        "use one of those ids, or add the provider under providers.inference");
            }
            String type = entry.optional("model_type").map(ConfigNode::text).orElse("llm");
            if (!MODEL_TYPES.contains(type)) {
                throw entry.required("model_type", "")
                        .error("unknown model type '" + type + "'", "use llm or embedding");
            }
            models.add(new RegisteredModel(
                    modelId,
                    provider.text(),
                    entry.optional("provider_resource_id").map(ConfigNode::text).orElse(modelId),
                    type,
                    entry.optional("metadata").map(ConfigNode::toMap).orElse(Map.of())));
        }
        return models;
    }

    private static int port(ConfigNode port) {
        int value = port.integer();
        if (value < 1 || value > 65535) {
            throw port.error("port " + value + " is out of range", "use a port between 1 and 65535");
        }
        return value;
    }
}
