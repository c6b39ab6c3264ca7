package dev.replayharness.junit.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import dev.replayharness.junit.HarnessConfiguration;

/**
 * The main class of a test JVM that stands in for a Surefire fork: runs one fixture class on the JUnit
 * Platform with parallel execution, its report going to {@code <workspace>/report.json}. Its command line
 * ends as a fork's does ({@code surefirebooter….jar <dir> <startup time>-jvmRun<n>}), which is all the
 * extension reads of Surefire.
 *
 * <p>Arguments: the fixture class, the workspace, then the three fork arguments.
 */
public final class ForkMain {
    private ForkMain() {}

    public static void main(String[] args) {
        Path workspace = Path.of(args[1]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(args[0]))
                .configurationParameter(FixtureRun.ENABLED, "true")
                .configurationParameter(HarnessConfiguration.MODE, "replay")
                .configurationParameter(
                        HarnessConfiguration.RECORDINGS_DIR,
                        FixtureRun.recordings(workspace).toString())
                .configurationParameter(
                        HarnessConfiguration.REPORT_FILE,
                        FixtureRun.report(workspace).toString())
                .configurationParameter(HarnessConfiguration.SECRET_ENV_VARS, "")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        long succeeded = summary.getSummary().getTestsSucceededCount();
        long found = summary.getSummary().getTestsFoundCount();
        System.out.println("fork ran " + succeeded + " of " + found + " tests");
        System.exit(succeeded == found && found > 0 ? 0 : 1);
    }
}
