package dev.replayharness.bedrock;

import java.time.Duration;
import java.util.Objects;

/**
 * When to retry answers Bedrock marks as transient (HTTP 408, 429 and 5xx).
 *
 * <p>Waits grow exponentially with full jitter: before retry {@code n} (1-based) the client waits
 * a uniformly random time between 0 and {@code min(maxDelay, baseDelay × 2^(n-1))}. A
 * {@code Retry-After} header (seconds or an HTTP date) replaces that wait. The client gives up
 * after {@code maxAttempts} attempts, or earlier when the next wait would end after
 * {@code maxTotalTime} counted from the first attempt.
 *
 * @param maxAttempts attempts in total, the first included; 1 means no retries
 * @param baseDelay the cap on the first wait
 * @param maxDelay the cap on any computed wait
 * @param maxTotalTime the time after which no retry starts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalTime) {

    /** 3 attempts, waits up to 1 s, 2 s, …, at most 20 s each, within 2 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(2));

    /** A single attempt: every transient failure is reported at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotalTime, "maxTotalTime");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "RetryPolicy.maxAttempts must be at least 1 (1 = no retries), got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalTime.isNegative()) {
            throw new IllegalArgumentException("RetryPolicy durations must not be negative: baseDelay=" + baseDelay
                    + ", maxDelay=" + maxDelay + ", maxTotalTime=" + maxTotalTime);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "RetryPolicy.maxDelay (" + maxDelay + ") must not be below baseDelay (" + baseDelay + ")");
        }
    }
}
