package dev.replayharness.junit.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import dev.replayharness.junit.HarnessConfiguration;

/**
 * Runs fixture classes on the Jupiter engine in this JVM, isolated from the machine's settings:
 * EngineTestKit ignores system properties and {@code junit-platform.properties}, and the mode is set
 * explicitly, so {@code HARNESS_MODE} cannot leak in either. Recordings and the report go to
 * {@code <workspace>/recordings} and {@code <workspace>/report.json}.
 */
public final class FixtureRun {
    /** The configuration parameter that enables {@link Fixture} classes: {@value}. */
    public static final String ENABLED = "replayharness.test.run-fixtures";

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Class<?>> classes;

    private FixtureRun(Path workspace, Class<?>... classes) {
        this.classes = List.of(classes);
        parameters.put(ENABLED, "true");
        parameters.put(HarnessConfiguration.MODE, "replay");
        parameters.put(
                HarnessConfiguration.RECORDINGS_DIR, recordings(workspace).toString());
        parameters.put(HarnessConfiguration.REPORT_FILE, report(workspace).toString());
        parameters.put(HarnessConfiguration.SAVE_ON_FAILURE, "false");
        parameters.put(HarnessConfiguration.SECRET_ENV_VARS, "");
        // This JVM is a Surefire fork: without this, every fixture run would add to the same run's report.
        parameters.put(HarnessConfiguration.RUN_ID, HarnessConfiguration.RUN_ID_NONE);
    }

    /** A run of {@code classes} keeping its files in {@code workspace}, in mode replay unless told otherwise. */
    public static FixtureRun of(Path workspace, Class<?>... classes) {
        try {
            Files.createDirectories(recordings(workspace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixtureRun(workspace, classes);
    }

    public static Path recordings(Path workspace) {
        return workspace.resolve("recordings");
    }

    public static Path report(Path workspace) {
        return workspace.resolve("report.json");
    }

    public FixtureRun mode(String mode) {
        return parameter(HarnessConfiguration.MODE, mode);
    }

    public FixtureRun parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    public EngineExecutionResults execute() {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(classes.stream().map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                .configurationParameters(parameters)
                .execute();
    }

    /** The messages of the failed tests' exceptions, in event order. */
    public static List<String> failureMessages(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(FixtureRun::throwable)
                .map(Throwable::getMessage)
                .toList();
    }

    public static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    /** Every file under {@code directory}, relative to it, sorted. */
    public static List<String> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> directory.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "FixtureRun" + Arrays.toString(classes.toArray()) + parameters;
    }
}
