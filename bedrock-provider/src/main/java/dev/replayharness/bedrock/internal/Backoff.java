package dev.replayharness.bedrock.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

import dev.replayharness.bedrock.RetryPolicy;

/**
 * Exponential backoff with full jitter: uniform in {@code [0, min(maxDelay, baseDelay × 2^(n-1))]}
 * milliseconds. Full jitter spreads clients that were throttled together, so they do not retry
 * together.
 */
public final class Backoff {

    private final RetryPolicy policy;
    private final RandomGenerator random;

    public Backoff(RetryPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    /** The wait before retry {@code retry} (1 = the first retry). */
    public Duration delayBefore(int retry) {
        long cap = cap(retry).toMillis();
        return Duration.ofMillis(cap == 0 ? 0 : random.nextLong(cap + 1));
    }

    /** The upper bound of the wait before retry {@code retry}. */
    public Duration cap(int retry) {
        Duration cap = policy.baseDelay();
        for (int i = 1; i < retry && cap.compareTo(policy.maxDelay()) < 0; i++) {
            cap = cap.multipliedBy(2); // stops doubling at maxDelay, so no overflow
        }
        return cap.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : cap;
    }
}
