package dev.replayharness.junit;

import dev.replayharness.core.Mode;

/**
 * The configuration keys of the extension. Each is a JUnit configuration parameter, so it can be set
 * with {@code -D} on the Maven command line, Surefire's {@code configurationParameters}, a suite's
 * {@code @ConfigurationParameter} or a test-only {@code junit-platform.properties}. They are read once per
 * run. A blank value counts as unset; any other invalid value fails every test with a message naming
 * the key, the value and the allowed values: it is never replaced by the default.
 */
public final class HarnessConfiguration {

    /**
     * The mode of the run: {@code replay} (the default), {@code record-if-missing}, {@code record} or
     * {@code live}. When unset, the environment variable {@value #MODE_ENV_VAR} is used. A test whose
     * {@link Recorded#mode()} is not {@link ModeOverride#INHERIT} ignores it. Key: {@value}.
     */
    public static final String MODE = Mode.CONFIG_KEY;

    /** The environment variable consulted for the mode when {@value #MODE} is unset, e.g. in CI: {@value}. */
    public static final String MODE_ENV_VAR = Mode.ENV_VAR;

    /**
     * The root recordings directory; each namespace is a folder in it. A relative path is resolved
     * against the working directory (under Maven, the module's directory). Default: {@code recordings}
     * in the nearest directory, starting at the working directory and walking up, that has a
     * {@code recordings} folder or a {@code .git} entry (the repository root); if there is none,
     * {@code recordings} in the working directory. Only this default is created when a recording
     * mode needs it; a configured directory must exist. Key: {@value}.
     */
    public static final String RECORDINGS_DIR = "harness.recordings-dir";

    /**
     * {@code true} to keep what a failed (or aborted) test recorded. Default {@code false}: a failing
     * test's recordings are usually of a broken exchange, and keeping them would make the next replay
     * pass for the wrong reason. Key: {@value}.
     */
    public static final String SAVE_ON_FAILURE = "harness.save-on-failure";

    /**
     * The source label written into new recordings, e.g. {@code staging}. Default: {@code emulator}
     * for a loopback upstream, else {@code live}. Key: {@value}.
     */
    public static final String SOURCE = "harness.source";

    /** {@code true} to record each server-sent event's time offset. Default {@code false}. Key: {@value}. */
    public static final String RECORD_TIMING = "harness.record-timing";

    /** {@code true} to wait the recorded offsets between events on replay. Default {@code false}. Key: {@value}. */
    public static final String REPLAY_TIMING = "harness.replay-timing";

    /**
     * Comma-separated names of environment variables whose values are secrets: redacted wherever they
     * appear in recordings and failure messages. Default {@value #DEFAULT_SECRET_ENV_VARS}; an empty
     * value registers none. Key: {@value}.
     */
    public static final String SECRET_ENV_VARS = "harness.secret-env-vars";

    /** The default of {@value #SECRET_ENV_VARS}: {@value}. */
    public static final String DEFAULT_SECRET_ENV_VARS = "AWS_BEARER_TOKEN_BEDROCK,OPENAI_API_KEY,ANTHROPIC_API_KEY";

    /**
     * Which run the report belongs to. JVMs that end with the same run id add their tests to one report file
     * (each fork of a Surefire {@code forkCount > 1} run, say); a report of another run id is replaced.
     * {@value #RUN_ID_AUTO} (the default): the forks of one Surefire or Failsafe execution share an id (read
     * from the fork's command line), any other JVM's run stands alone. {@value #RUN_ID_NONE}: every run
     * replaces the report. Any other value is the id itself (e.g. a CI job id for JVMs another tool starts).
     * Key: {@value}.
     */
    public static final String RUN_ID = "harness.run-id";

    /** The default of {@value #RUN_ID}: {@value}. */
    public static final String RUN_ID_AUTO = "auto";

    /** {@value #RUN_ID} {@value}: the run stands alone and replaces the report. */
    public static final String RUN_ID_NONE = "none";

    /**
     * Where the run report (every test id and the recordings it used) is written when the run ends.
     * Relative to the working directory. Default {@value #DEFAULT_REPORT_FILE}. Key: {@value}.
     */
    public static final String REPORT_FILE = "harness.report-file";

    /** The default of {@value #REPORT_FILE}: {@value}. */
    public static final String DEFAULT_REPORT_FILE = "target/harness-report.json";

    /**
     * {@code true} to make every test strict, as {@link Recorded#strict()} does: a test fails when it did not replay
     * every recording it owns or when one of its faults never fired. Default {@code false}. Key: {@value}.
     */
    public static final String STRICT = "harness.strict";

    private HarnessConfiguration() {}
}
