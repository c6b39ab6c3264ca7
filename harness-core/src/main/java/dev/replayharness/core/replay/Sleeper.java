package dev.replayharness.core.replay;

import java.time.Duration;

/** Waits; injectable so that tests of timed replay do not really sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}; always the same instance, so the harness can tell it waits for real. */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
