package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("StackConfig reads a Llama Stack run configuration")
class StackConfigTest {

    /** The real file shipped with the module; Surefire runs in the module directory. */
    static final Path SHIPPED = Path.of("bedrock-run.yaml");

    static final String MINIMAL = """
            providers:
              inference:
                - provider_id: bedrock
                  provider_type: remote::bedrock
                  config:
                    api_key: ${env.AWS_BEARER_TOKEN_BEDROCK:=replay-mode-dummy-key}
                    region_name: us-west-2
            """;

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("bedrock-run.yaml"), yaml);
    }

    @Nested
    @DisplayName("a good file")
    class Good {

        @Test
        @DisplayName("gives the provider, the registered model, the port and the storage section")
        void shipped() {
            StackConfig stack = StackConfig.load(SHIPPED, Map.<String, String>of()::get);

            assertThat(stack.version()).isEqualTo(2);
            assertThat(stack.imageName()).isEqualTo("bedrock-test");
            assertThat(stack.apis()).containsExactly("inference", "models");
            assertThat(stack.serverPort()).isEqualTo(8321);
            InferenceProvider provider = stack.inferenceProviders().get(0);
            assertThat(provider.providerId()).isEqualTo("bedrock");
            assertThat(provider.providerType()).isEqualTo("remote::bedrock");
            assertThat(stack.bedrockConfig().region()).isEqualTo("us-west-2");
            assertThat(stack.bedrockConfig().apiKey().isReplayDummy()).isTrue();
            assertThat(stack.bedrockConfig().baseUri())
                    .isEqualTo(URI.create("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1"));
            assertThat(stack.models().models()).singleElement().satisfies(model -> {
                assertThat(model.stackId()).isEqualTo("bedrock/openai.gpt-oss-20b-1:0");
                assertThat(model.providerResourceId()).isEqualTo("openai.gpt-oss-20b-1:0");
                assertThat(model.modelType()).isEqualTo("llm");
                assertThat(model.metadata()).containsEntry("description", "OpenAI GPT-OSS 20B on Bedrock (us-west-2)");
            });
            assertThat(stack.storage()).extractingByKey("backends").asString().contains("db_path=./.llama/kvstore.db");
        }

        @Test
        @DisplayName("substitutes ${env.NAME} and ${env.NAME:=default} from the given environment")
        void environment() {
            StackConfig stack = StackConfig.load(
                    SHIPPED, Map.of("AWS_BEARER_TOKEN_BEDROCK", "from-env", "SQLITE_STORE_DIR", "/tmp/store")::get);
            assertThat(stack.bedrockConfig().apiKey()).isEqualTo(BedrockApiKey.of("from-env"));
            assertThat(stack.storage())
                    .extractingByKey("backends")
                    .asString()
                    .contains("db_path=/tmp/store/sql_store.db");
        }

        @Test
        @DisplayName("treats a variable set to the empty string as unset")
        void emptyIsUnset() {
            StackConfig stack = StackConfig.load(SHIPPED, Map.of("AWS_BEARER_TOKEN_BEDROCK", "")::get);
            assertThat(stack.bedrockConfig().apiKey().isReplayDummy()).isTrue();
        }

        @Test
        @DisplayName("defaults region_name to us-west-2 and accepts a base_url override")
        void optionalKeys() throws IOException {
            StackConfig stack = StackConfig.load(
                    write(MINIMAL.replace("region_name: us-west-2", "base_url: http://127.0.0.1:9/openai/v1")),
                    Map.<String, String>of()::get);
            assertThat(stack.bedrockConfig().region()).isEqualTo("us-west-2");
            assertThat(stack.bedrockConfig().baseUri()).isEqualTo(URI.create("http://127.0.0.1:9/openai/v1"));
            assertThat(stack.registeredModels()).isEmpty();
            assertThat(stack.storage()).isEmpty();
        }

        @Test
        @DisplayName("never shows the key or the storage section in toString()")
        void toStringIsSafe() {
            StackConfig stack = StackConfig.load(SHIPPED, Map.of("AWS_BEARER_TOKEN_BEDROCK", "secret-canary-1")::get);
            assertThat(stack.toString())
                    .doesNotContain("secret-canary-1")
                    .doesNotContain("db_path")
                    .contains("bedrock/openai.gpt-oss-20b-1:0");
        }
    }

    @Nested
    @DisplayName("a bad file fails naming the file, the key path and the fix")
    class Bad {

        StackConfigException failure(String yaml, Map<String, String> env) throws IOException {
            Path file = write(yaml);
            StackConfigException e =
                    catchThrowableOfType(StackConfigException.class, () -> StackConfig.load(file, env::get));
            assertThat(e).as("loading should fail").isNotNull();
            assertThat(e.getMessage()).startsWith(file + ": ").contains(". Fix: ");
            assertThat(e.file()).isEqualTo(file);
            return e;
        }

        @Test
        @DisplayName("an unknown provider type")
        void unknownType() throws IOException {
            StackConfigException e = failure(MINIMAL.replace("remote::bedrock", "remote::ollama"), Map.of());
            assertThat(e.keyPath()).contains("providers.inference[0].provider_type");
            assertThat(e.getMessage())
                    .contains(
                            "providers.inference[0].provider_type: unknown provider type"
                                    + " 'remote::ollama'; this module supports only remote::bedrock. Fix: use provider_type: remote::bedrock");
        }

        @Test
        @DisplayName("a missing required field")
        void missingField() throws IOException {
            assertThat(failure(
                                    MINIMAL.replace("- provider_id: bedrock\n      provider_type", "- provider_type"),
                                    Map.of())
                            .getMessage())
                    .contains("providers.inference[0].provider_id: is missing. Fix: give the provider an id");
            assertThat(failure(
                                    MINIMAL.replace(
                                            "api_key: ${env.AWS_BEARER_TOKEN_BEDROCK:=replay-mode-dummy-key}",
                                            "timeout: 5"),
                                    Map.of())
                            .getMessage())
                    .contains("providers.inference[0].config.api_key: is missing. Fix: write api_key:"
                            + " ${env.AWS_BEARER_TOKEN_BEDROCK:=replay-mode-dummy-key}");
            assertThat(failure("apis: [inference]\n", Map.of()).getMessage()).contains(": providers: is missing.");
        }

        @Test
        @DisplayName("an ${env.NAME} without default whose variable is unset")
        void unresolved() throws IOException {
            StackConfigException e =
                    failure(MINIMAL.replace("region_name: us-west-2", "region_name: ${env.AWS_REGION}"), Map.of());
            assertThat(e.getMessage())
                    .contains("providers.inference[0].config.region_name: environment variable"
                            + " AWS_REGION is not set and ${env.AWS_REGION} has no default. Fix: export AWS_REGION=…, or give"
                            + " a default: ${env.AWS_REGION:=value}");
        }

        @Test
        @DisplayName("a placeholder syntax other than ${env.NAME} and ${env.NAME:=default}")
        void unsupportedPlaceholder() throws IOException {
            assertThat(failure(
                                    MINIMAL.replace(
                                            "region_name: us-west-2", "region_name: ${env.AWS_REGION:-us-west-2}"),
                                    Map.of())
                            .getMessage())
                    .contains("providers.inference[0].config.region_name: unsupported placeholder"
                            + " ${env.AWS_REGION:-us-west-2}");
        }

        @Test
        @DisplayName("a region that is not a region name")
        void badRegion() throws IOException {
            assertThat(failure(MINIMAL.replace("us-west-2", "us_west_2"), Map.of())
                            .getMessage())
                    .contains("providers.inference[0].config.region_name: 'us_west_2' is not an AWS region name");
        }

        @Test
        @DisplayName("a model naming a provider that does not exist")
        void unknownProvider() throws IOException {
            String yaml = MINIMAL + """
                    registered_resources:
                      models:
                        - model_id: openai.gpt-oss-20b-1:0
                          provider_id: bedrokc
                    """;
            assertThat(failure(yaml, Map.of()).getMessage())
                    .contains("registered_resources.models[0].provider_id: no"
                            + " inference provider has id 'bedrokc' (there are [bedrock])");
        }

        @Test
        @DisplayName("a port that is not a number")
        void badPort() throws IOException {
            assertThat(failure(MINIMAL + "server:\n  port: ${env.PORT:=eighty}\n", Map.of())
                            .getMessage())
                    .contains("server.port: must be a whole number, got 'eighty'");
        }

        @Test
        @DisplayName("a list where a mapping belongs, and an empty provider list")
        void shapes() throws IOException {
            assertThat(failure("providers:\n  inference: bedrock\n", Map.of()).getMessage())
                    .contains("providers.inference: must be a list");
            assertThat(failure("providers:\n  inference: []\n", Map.of()).getMessage())
                    .contains("providers.inference: is empty. Fix: add an entry with provider_type: remote::bedrock");
        }

        @Test
        @DisplayName("broken YAML, with line and column")
        void syntax() throws IOException {
            StackConfigException e = failure("providers:\n  inference:\n    - provider_id: [bedrock\n", Map.of());
            assertThat(e.keyPath()).isEmpty();
            assertThat(e.getMessage())
                    .containsPattern("is not valid YAML at line \\d+, column \\d+")
                    .contains("Fix: correct the YAML syntax there");
        }

        @Test
        @DisplayName("a file that does not exist")
        void missingFile() {
            Path absent = dir.resolve("absent.yaml");
            StackConfigException e = catchThrowableOfType(
                    StackConfigException.class, () -> StackConfig.load(absent, Map.<String, String>of()::get));
            assertThat(e.getMessage()).startsWith(absent + ": cannot be read (NoSuchFileException");
        }
    }

    @Test
    @DisplayName("StackConfig.bedrockConfig(id) names the providers there are when the id is wrong")
    void providerById() {
        StackConfig stack = StackConfig.load(SHIPPED, Map.<String, String>of()::get);
        assertThat(stack.bedrockConfig("bedrock")).isEqualTo(stack.bedrockConfig());
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> stack.bedrockConfig("aws")))
                .hasMessageEndingWith("has no inference provider 'aws'; it has " + List.of("bedrock"));
    }
}
