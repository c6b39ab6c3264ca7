package dev.replayharness.junit.internal;

import java.io.IOException;
import java.nio.file.Files;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;

/** Builds one test's harness from the run's configuration and the test's settings. */
final class HarnessFactory {
    private HarnessFactory() {}

    static Harness build(RunConfiguration run, TestSettings settings, Class<?> testClass, String methodName) {
        Mode mode = settings.mode().orElse(run.mode());
        if (run.recordingsDirectoryDefaulted() && (mode == Mode.RECORD || mode == Mode.RECORD_IF_MISSING)) {
            createDefaultDirectory(run);
        }
        String command = run.recordCommand().forTest(testClass, methodName);
        Harness.Builder builder = Harness.builder()
                .recordingsDirectory(run.recordingsDirectory())
                .namespace(settings.namespace())
                .mode(mode)
                // the mode is resolved once per run from JUnit's parameters; keep core from reading its own sources
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .scope(settings.scope())
                .repeatPolicy(settings.repeatPolicy())
                .recordTiming(run.recordTiming())
                .replayTiming(run.replayTiming())
                .recordCommand(testId -> command);
        run.source().ifPresent(builder::source);
        run.secrets().forEach(builder::secret);
        settings.customizer().customize(builder);
        return builder.build();
    }

    /** Only the default location is created: a configured one that is missing is more likely a typo. */
    private static void createDefaultDirectory(RunConfiguration run) {
        try {
            Files.createDirectories(run.recordingsDirectory());
        } catch (IOException e) {
            throw new HarnessConfigurationException(
                    "Cannot create the recordings directory " + run.recordingsDirectory() + " (" + e
                            + "). Create it yourself or set harness.recordings-dir.",
                    e);
        }
    }
}
