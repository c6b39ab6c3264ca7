package dev.replayharness.junit;

import java.util.Optional;

import dev.replayharness.core.Mode;

/**
 * The mode a {@link Recorded} test asks for. {@link #INHERIT}, the default, takes the mode from the run's
 * configuration ({@value HarnessConfiguration#MODE}, then the environment variable
 * {@value HarnessConfiguration#MODE_ENV_VAR}, else replay); any other value fixes the mode for the
 * annotated tests whatever the run is configured with, e.g. {@link #LIVE} for a smoke test that must
 * always reach the real service.
 */
public enum ModeOverride {
    /** The mode of the run's configuration. */
    INHERIT(null),
    /** Always {@link Mode#LIVE}. */
    LIVE(Mode.LIVE),
    /** Always {@link Mode#RECORD}. */
    RECORD(Mode.RECORD),
    /** Always {@link Mode#REPLAY}. */
    REPLAY(Mode.REPLAY),
    /** Always {@link Mode#RECORD_IF_MISSING}. */
    RECORD_IF_MISSING(Mode.RECORD_IF_MISSING);

    private final Mode mode;

    ModeOverride(Mode mode) {
        this.mode = mode;
    }

    /** The fixed mode, or empty for {@link #INHERIT}. */
    public Optional<Mode> mode() {
        return Optional.ofNullable(mode);
    }
}
