package dev.replayharness.core.replay;

import java.time.Duration;

/** The one real sleeper; a singleton so that "does this harness really wait?" is an identity check. */
enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
