package dev.replayharness.bedrock;

/**
 * One entry of {@code providers.inference} in a stack configuration.
 *
 * @param providerId the id models refer to, e.g. {@code bedrock}
 * @param providerType always {@value #BEDROCK_TYPE}: the only type this module knows
 * @param config the settings from the entry's {@code config} mapping
 */
public record InferenceProvider(String providerId, String providerType, BedrockConfig config) {

    /** The provider type of Bedrock in Llama Stack configurations. */
    public static final String BEDROCK_TYPE = "remote::bedrock";
}
