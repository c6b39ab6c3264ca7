package dev.replayharness.junit.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replayharness.junit.HarnessConfiguration;

/** The id that lets the JVMs of one run add up to one report (see {@link HarnessConfiguration#RUN_ID}). */
final class RunId {
    /**
     * A Surefire/Failsafe fork runs {@code surefirebooter….jar <dir> <startup time>-jvmRun<n> …}: the startup time
     * is the plugin execution's, the same in every fork of it and new in the next build.
     */
    private static final Pattern SUREFIRE_FORK =
            Pattern.compile("surefirebooter\\S*\\.jar\\s+\\S+\\s+(\\S+)-jvmRun\\d+");

    private RunId() {}

    /** The configured value resolved: empty when the run stands alone. */
    static Optional<String> resolve(Optional<String> configured, String javaCommand) {
        String value = configured.orElse(HarnessConfiguration.RUN_ID_AUTO);
        if (value.equals(HarnessConfiguration.RUN_ID_NONE)) {
            return Optional.empty();
        }
        if (!value.equals(HarnessConfiguration.RUN_ID_AUTO)) {
            return Optional.of(value);
        }
        return surefireExecution(javaCommand);
    }

    static Optional<String> surefireExecution(String javaCommand) {
        if (javaCommand == null) {
            return Optional.empty();
        }
        Matcher fork = SUREFIRE_FORK.matcher(javaCommand);
        return fork.find() ? Optional.of("surefire-" + fork.group(1)) : Optional.empty();
    }
}
