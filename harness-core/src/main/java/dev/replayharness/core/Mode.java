package dev.replayharness.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.replayharness.core.config.HarnessConfigurationException;

/**
 * What the harness does with a request.
 *
 * <p>Resolution order (see {@link #resolve}): an explicit value given through the API, else the
 * configuration key {@value #CONFIG_KEY}, else the environment variable {@value #ENV_VAR}, else
 * {@link #REPLAY}. An unknown value is an error, never a silent fallback to the default.
 */
public enum Mode {
    /** Call upstream, write nothing. */
    LIVE("live"),
    /** Always call upstream and (over)write the recording. */
    RECORD("record"),
    /** Never call upstream; a request without a recording fails the test. The default. */
    REPLAY("replay"),
    /** Replay when a recording exists, else call upstream and record. */
    RECORD_IF_MISSING("record-if-missing");

    /** Configuration key (JUnit configuration parameter or system property) that selects the mode: {@value}. */
    public static final String CONFIG_KEY = "harness.mode";

    /** Environment variable consulted when no configuration value is set: {@value}. */
    public static final String ENV_VAR = "HARNESS_MODE";

    private final String value;

    Mode(String value) {
        this.value = value;
    }

    /** The spelling used in configuration, e.g. {@code record-if-missing}. */
    public String value() {
        return value;
    }

    /** Whether this mode may send a request upstream. */
    public boolean callsUpstream() {
        return this != REPLAY;
    }

    /**
     * Parses a configured value.
     *
     * @param value the text, case-insensitive, surrounding blanks ignored
     * @param origin where the value came from, e.g. {@code "configuration parameter harness.mode"}; used in the error
     * @throws HarnessConfigurationException naming the origin, the value and the allowed values
     */
    public static Mode parse(String value, String origin) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.value.equals(wanted)
                    || mode.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return mode;
            }
        }
        throw new HarnessConfigurationException("Invalid harness mode '" + value + "' from " + origin
                + ". Allowed values: " + allowedValues() + ". Fix the value or remove it to use the default ("
                + REPLAY.value + ").");
    }

    /** The allowed spellings, comma-separated. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(Mode::value).collect(Collectors.joining(", "));
    }

    /**
     * Resolves the mode: explicit value, else {@value #CONFIG_KEY} from {@code configuration}, else
     * {@value #ENV_VAR} from {@code environment}, else {@link #REPLAY}.
     */
    public static Mode resolve(
            Optional<Mode> explicit, ConfigurationSource configuration, ConfigurationSource environment) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Optional<String> configured = configuration.get(CONFIG_KEY).filter(v -> !v.isBlank());
        if (configured.isPresent()) {
            return parse(configured.get(), "configuration parameter " + CONFIG_KEY);
        }
        Optional<String> env = environment.get(ENV_VAR).filter(v -> !v.isBlank());
        if (env.isPresent()) {
            return parse(env.get(), "environment variable " + ENV_VAR);
        }
        return REPLAY;
    }

    @Override
    public String toString() {
        return value;
    }
}
