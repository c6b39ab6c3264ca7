package dev.replayharness.bedrock.recorded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.ModelRegistry;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.junit.HttpClientWiring;

/**
 * A setup of the {@code suites/setups/<name>.properties} kind: where the Bedrock recorded tests send
 * their requests when they record. Chosen with {@code -Dsetup=NAME} (a JUnit configuration
 * parameter), else a suite's {@value #DEFAULT_KEY}, else {@value #DEFAULT_NAME}.
 */
public final class BedrockSetup implements AutoCloseable {
    /** Configuration parameter that names the setup: {@value}. */
    public static final String KEY = "setup";
    /** Configuration parameter a suite sets to name its default setup: {@value}. */
    public static final String DEFAULT_KEY = "default-setup";
    /** The setup when none is named: {@value}. */
    public static final String DEFAULT_NAME = "bedrock";
    /** The token the emulator setup uses: not a credential. */
    static final String EMULATOR_TOKEN = "emulator-token-not-a-secret";

    private final String name;
    private final Properties values;
    private final Path repositoryRoot;
    private BedrockEmulator emulator;

    private BedrockSetup(String name, Properties values, Path repositoryRoot) {
        this.name = name;
        this.values = values;
        this.repositoryRoot = repositoryRoot;
    }

    /** Loads {@code suites/setups/<name>.properties}; an unknown name fails and lists the known ones. */
    static BedrockSetup load(String name, Path workingDirectory) {
        Path root = repositoryRoot(workingDirectory);
        Path setups = root.resolve("suites").resolve("setups");
        Path file = setups.resolve(name + ".properties");
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException("Unknown setup '" + name + "' (from -D" + KEY + " or the suite). Valid setups: "
                    + String.join(", ", names(setups)) + " (declared in " + setups + ").");
        }
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read setup " + file + ": " + e.getMessage(), e);
        }
        for (String key : List.of("description", "endpoint", "text-model", "region", "stack-config")) {
            if (values.getProperty(key, "").isBlank()) {
                throw new ExtensionConfigurationException("Setup " + file + " has no '" + key + "'. Add it (see suites/setups/bedrock.properties).");
            }
        }
        String endpoint = values.getProperty("endpoint");
        if (!endpoint.equals("aws") && !endpoint.equals("emulator")) {
            throw new ExtensionConfigurationException("Setup " + file + ": endpoint is '" + endpoint + "'; allowed: aws, emulator.");
        }
        return new BedrockSetup(name, values, root);
    }

    static List<String> names(Path setups) {
        try (Stream<Path> files = Files.list(setups)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The nearest directory, from the working directory up, that holds {@code suites/setups}. */
    static Path repositoryRoot(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("suites").resolve("setups"))) {
                return dir;
            }
        }
        throw new ExtensionConfigurationException("No suites/setups folder above " + workingDirectory.toAbsolutePath()
                + "; run the tests from inside the repository.");
    }

    public String name() {
        return name;
    }

    /** The stack model id the tests ask for, e.g. {@code bedrock/openai.gpt-oss-20b-1:0}. */
    public String textModel() {
        return values.getProperty("text-model");
    }

    public String region() {
        return values.getProperty("region");
    }

    /** A client for this setup whose HTTP goes through the current test's recordings. */
    public BedrockClient client(HttpClientWiring wiring) {
        return client(wiring, null);
    }

    /** The same, with other registered models than the stack config's ({@code null}: the stack config's). */
    public synchronized BedrockClient client(HttpClientWiring wiring, ModelRegistry models) {
        StackConfig stack = StackConfig.load(repositoryRoot.resolve(values.getProperty("stack-config")));
        BedrockConfig config = stack.bedrockConfig().toBuilder().region(region()).build();
        if (values.getProperty("endpoint").equals("emulator")) {
            if (emulator == null) {
                emulator = BedrockEmulator.start();
            }
            config = BedrockConfig.builder(BedrockApiKey.of(EMULATOR_TOKEN)).region(region()).baseUri(emulator.baseUri()).build();
        }
        return BedrockClient.builder(config).models(models == null ? stack.models() : models).httpClient(wiring.wrap(HttpClient.newHttpClient())).build();
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "BedrockSetup[" + name + ": " + values.getProperty("description") + "]";
    }
}
