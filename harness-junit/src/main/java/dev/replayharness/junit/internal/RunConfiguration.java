package dev.replayharness.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.junit.HarnessConfiguration;

/**
 * The run-wide settings, read once per run from JUnit configuration parameters (see
 * {@link HarnessConfiguration}) and the environment.
 *
 * @param recordingsDirectory the root recordings folder, absolute
 * @param recordingsDirectoryDefaulted whether it is the default location (then it may be created)
 * @param mode the configured mode, used by tests that do not fix one
 * @param secrets the values of the secret environment variables that are set
 * @param reportFile where the run report goes, absolute
 */
public record RunConfiguration(
        Path recordingsDirectory,
        boolean recordingsDirectoryDefaulted,
        Mode mode,
        boolean saveOnFailure,
        Optional<String> source,
        boolean recordTiming,
        boolean replayTiming,
        List<String> secrets,
        Path reportFile,
        RecordCommand recordCommand,
        boolean strict) {

    /** Reads every key now, so that a wrong value fails the first test rather than a late one. */
    public static RunConfiguration load(
            ConfigurationSource parameters, ConfigurationSource environment, Path workingDirectory) {
        ConfigurationReader reader = new ConfigurationReader(parameters);
        Optional<Path> configuredRecordings = reader.path(HarnessConfiguration.RECORDINGS_DIR, workingDirectory);
        Mode mode = Mode.resolve(Optional.empty(), parameters, environment);
        List<String> secrets =
                reader.list(HarnessConfiguration.SECRET_ENV_VARS, HarnessConfiguration.DEFAULT_SECRET_ENV_VARS).stream()
                        .flatMap(name -> environment.get(name).stream())
                        .filter(v -> !v.isBlank())
                        .toList();
        Path report = reader.path(HarnessConfiguration.REPORT_FILE, workingDirectory)
                .orElse(workingDirectory
                        .resolve(HarnessConfiguration.DEFAULT_REPORT_FILE)
                        .normalize());
        if (Files.isDirectory(
                report)) { // else only the run's end would fail, as JUnit's "Failed to close extension context"
            throw new HarnessConfigurationException(HarnessConfiguration.REPORT_FILE + " is " + report + ", which is a"
                    + " directory. Name a file for the run report (e.g. " + report.resolve("harness-report.json")
                    + "), or remove the key to use the default (" + HarnessConfiguration.DEFAULT_REPORT_FILE + ").");
        }
        return new RunConfiguration(
                configuredRecordings.orElseGet(() -> WorkingTree.defaultRecordingsDirectory(workingDirectory)),
                configuredRecordings.isEmpty(),
                mode,
                reader.bool(HarnessConfiguration.SAVE_ON_FAILURE, false),
                reader.string(HarnessConfiguration.SOURCE),
                reader.bool(HarnessConfiguration.RECORD_TIMING, false),
                reader.bool(HarnessConfiguration.REPLAY_TIMING, false),
                secrets,
                report,
                new RecordCommand(WorkingTree.mavenModule(workingDirectory)),
                reader.bool(HarnessConfiguration.STRICT, false));
    }

    /** Names no secret value: the record may end up in a log. */
    @Override
    public String toString() {
        return "RunConfiguration[recordingsDirectory=" + recordingsDirectory + ", mode=" + mode + ", saveOnFailure="
                + saveOnFailure + ", source=" + source.orElse("(default)") + ", recordTiming=" + recordTiming
                + ", replayTiming=" + replayTiming + ", strict=" + strict + ", secrets=" + secrets.size()
                + " values, reportFile=" + reportFile
                + "]";
    }
}
