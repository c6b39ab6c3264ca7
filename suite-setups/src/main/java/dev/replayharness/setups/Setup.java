package dev.replayharness.setups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A named setup: where a provider's recorded tests send their requests when they record, and the
 * defaults they use (model, region, stack configuration…). Each is declared once, as
 * {@code suites/setups/<name>.properties} in the repository (with at least a {@code description}).
 *
 * <p>The setup of a test is named by the configuration parameter {@value #KEY} (so
 * {@code -Dsetup=NAME}), else by the {@value #DEFAULT_KEY} a suite sets with
 * {@code @ConfigurationParameter}, else by the provider's default.
 */
public final class Setup {
    /** Configuration parameter that names the setup: {@value}. */
    public static final String KEY = "setup";
    /** Configuration parameter with which a suite names its default setup: {@value}. */
    public static final String DEFAULT_KEY = "default-setup";

    private final String name;
    private final Path file;
    private final Path repositoryRoot;
    private final Properties values;

    private Setup(String name, Path file, Path repositoryRoot, Properties values) {
        this.name = name;
        this.file = file;
        this.repositoryRoot = repositoryRoot;
        this.values = values;
    }

    /** The setup the test's configuration names, or {@code defaultName}. */
    public static Setup resolve(ExtensionContext context, String defaultName) {
        String name = context.getConfigurationParameter(KEY)
                .filter(v -> !v.isBlank())
                .or(() -> context.getConfigurationParameter(DEFAULT_KEY).filter(v -> !v.isBlank()))
                .orElse(defaultName);
        return load(name, Path.of(""));
    }

    /**
     * Loads {@code suites/setups/<name>.properties} from the repository above {@code workingDirectory}.
     *
     * @throws ExtensionConfigurationException for an unknown name (listing the valid ones) or a file without a description
     */
    public static Setup load(String name, Path workingDirectory) {
        Path root = repositoryRoot(workingDirectory);
        Path setups = setupsDirectory(root);
        Path file = setups.resolve(name + ".properties");
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException(
                    "Unknown setup '" + name + "' (from -D" + KEY + " or the suite). Valid setups: "
                            + String.join(", ", names(setups)) + " (each declared as a file in " + setups + ").");
        }
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read setup " + file + ": " + e.getMessage(), e);
        }
        Setup setup = new Setup(name, file, root, values);
        setup.require("description");
        return setup;
    }

    /** The names of the setups declared in {@code setups}, sorted. */
    public static List<String> names(Path setups) {
        try (Stream<Path> files = Files.list(setups)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The nearest directory, from {@code workingDirectory} up, that holds {@code suites/setups}. */
    public static Path repositoryRoot(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(setupsDirectory(dir))) {
                return dir;
            }
        }
        throw new ExtensionConfigurationException("No suites/setups folder in " + workingDirectory.toAbsolutePath()
                + " or above it; run the tests from inside the repository.");
    }

    /** {@code <root>/suites/setups}. */
    public static Path setupsDirectory(Path repositoryRoot) {
        return repositoryRoot.resolve("suites").resolve("setups");
    }

    public String name() {
        return name;
    }

    public String description() {
        return values.getProperty("description");
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /** A value the setup must have: a missing one fails, naming the file and the key. */
    public String require(String key) {
        return optional(key)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "Setup " + file + " has no '" + key + "'. Add it to the file."));
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** One of {@code allowed}: anything else fails, naming the file, the key, the value and the allowed values. */
    public String require(String key, List<String> allowed) {
        String value = require(key);
        if (!allowed.contains(value)) {
            throw new ExtensionConfigurationException(
                    "Setup " + file + ": " + key + " is '" + value + "'; allowed: " + String.join(", ", allowed) + ".");
        }
        return value;
    }

    /** A path value, relative to the repository root. */
    public Path path(String key) {
        return repositoryRoot.resolve(require(key));
    }

    @Override
    public String toString() {
        return "Setup[" + name + ": " + description() + "]";
    }
}
