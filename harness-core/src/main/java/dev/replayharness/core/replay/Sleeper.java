package dev.replayharness.core.replay;

import java.time.Duration;

/** Waits; injectable so that tests of timed replay do not really sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
