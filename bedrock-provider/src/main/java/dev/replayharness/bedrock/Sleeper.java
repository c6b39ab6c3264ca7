package dev.replayharness.bedrock;

import java.time.Duration;

/** Waits between retries. Injectable so tests can record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps, with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
