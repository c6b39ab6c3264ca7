package dev.replayharness.junit.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.replayharness.core.ConfigurationSource;

/** What the extension keeps for the whole run, in the root context's store so it lives exactly as long as the run. */
final class RunState {
    private RunState() {}

    /** Read on first use and cached: every test of the run sees the same configuration. */
    static RunConfiguration configuration(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return Stores.computeIfAbsent(
                Stores.of(root),
                RunConfiguration.class,
                k -> RunConfiguration.load(
                        root::getConfigurationParameter,
                        ConfigurationSource.environment(),
                        Path.of("").toAbsolutePath()),
                RunConfiguration.class);
    }

    /** Written when the root context closes, i.e. when the run ends. */
    static RunReport report(ExtensionContext context) {
        RunConfiguration configuration = configuration(context);
        ExtensionContext root = context.getRoot();
        return Stores.computeIfAbsent(
                Stores.of(root),
                RunReport.class,
                k -> new RunReport(
                        configuration,
                        RunId.resolve(
                                new ConfigurationReader(root::getConfigurationParameter)
                                        .string(dev.replayharness.junit.HarnessConfiguration.RUN_ID),
                                System.getProperty("sun.java.command"))),
                RunReport.class);
    }
}
