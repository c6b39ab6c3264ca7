package dev.replayharness.bedrock.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

import dev.replayharness.bedrock.BedrockTransportException;
import dev.replayharness.bedrock.RetryPolicy;
import dev.replayharness.bedrock.Sleeper;
import dev.replayharness.openai.OpenAiHttpException;
import dev.replayharness.openai.OpenAiProtocolException;
import dev.replayharness.openai.OpenAiTransportException;

/**
 * Runs a call, retrying transient HTTP failures as the {@link RetryPolicy} says, and reports every
 * other failure as a Bedrock exception. Transport failures are not retried: after a timeout the
 * generation may still be running, and billed.
 */
public final class Retrier {

    private final RetryPolicy policy;
    private final Backoff backoff;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final ErrorMapper errors;

    public Retrier(RetryPolicy policy, Backoff backoff, InstantSource clock, Sleeper sleeper, ErrorMapper errors) {
        this.policy = policy;
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
        this.errors = errors;
    }

    /** The call's result, after as many attempts as needed and allowed. */
    public <T> T call(Supplier<T> attempt, String model) {
        Instant start = clock.instant();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (OpenAiHttpException e) {
                if (!ErrorMapper.isRetryable(e.status())) {
                    throw errors.map(e, model);
                }
                Duration elapsed = Duration.between(start, clock.instant());
                if (attempts >= policy.maxAttempts()) {
                    throw errors.exhausted(
                            e,
                            model,
                            attempts,
                            elapsed,
                            "the retry policy allows " + policy.maxAttempts() + " attempts");
                }
                // Retry-After is the server's instruction and replaces the jitter; after n attempts comes retry n.
                Optional<Duration> asked = RetryAfter.parse(e.retryAfter().orElse(null), clock.instant());
                Duration wait = asked.isPresent() ? asked.get() : backoff.delayBefore(attempts);
                if (elapsed.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
                    throw errors.exhausted(
                            e,
                            model,
                            attempts,
                            elapsed,
                            "waiting " + ErrorMapper.seconds(wait)
                                    + " more would pass the retry policy's maxTotalTime of "
                                    + ErrorMapper.seconds(policy.maxTotalTime()));
                }
                sleep(wait);
            } catch (OpenAiTransportException e) {
                throw errors.map(e);
            } catch (OpenAiProtocolException e) {
                throw errors.map(e);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BedrockTransportException(
                    "interrupted while waiting " + ErrorMapper.seconds(wait)
                            + " to retry a Bedrock request; no further attempt was made",
                    false,
                    e);
        }
    }
}
