package dev.replayharness.junit.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.config.HarnessConfigurationException;

/** Typed reads of configuration parameters. A blank value is unset; an invalid one is an error naming key and value. */
final class ConfigurationReader {
    private final ConfigurationSource parameters;

    ConfigurationReader(ConfigurationSource parameters) {
        this.parameters = parameters;
    }

    Optional<String> string(String key) {
        return parameters.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> value = parameters.get(key).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value.get(), "true, false", String.valueOf(defaultValue));
        };
    }

    /** A comma-separated list; unlike other keys, a set but empty value means an empty list. */
    List<String> list(String key, String defaultValue) {
        String value = parameters.get(key).orElse(defaultValue);
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    Optional<Path> path(String key, Path workingDirectory) {
        return string(key).map(value -> {
            try {
                return workingDirectory.resolve(value).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw invalid(key, value, "a file system path (" + e.getReason() + ")", null);
            }
        });
    }

    static HarnessConfigurationException invalid(String key, String value, String allowed, String defaultValue) {
        return new HarnessConfigurationException("Invalid value '" + value + "' for configuration parameter " + key
                + ". Allowed values: " + allowed + ". Fix the value"
                + (defaultValue == null ? "." : " or remove it to use the default (" + defaultValue + ")."));
    }
}
