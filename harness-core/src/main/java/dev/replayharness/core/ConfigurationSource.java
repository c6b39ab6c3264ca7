package dev.replayharness.core;

import java.util.Map;
import java.util.Optional;

/** Where settings come from: system properties, the environment, JUnit configuration parameters, a map. */
@FunctionalInterface
public interface ConfigurationSource {

    /** The value of {@code key}, if set. */
    Optional<String> get(String key);

    /** JVM system properties ({@code -Dkey=value}). */
    static ConfigurationSource systemProperties() {
        return key -> Optional.ofNullable(System.getProperty(key));
    }

    /** Process environment variables. */
    static ConfigurationSource environment() {
        return key -> Optional.ofNullable(System.getenv(key));
    }

    /** A fixed map, e.g. for tests. */
    static ConfigurationSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /** No values at all. */
    static ConfigurationSource empty() {
        return key -> Optional.empty();
    }
}
