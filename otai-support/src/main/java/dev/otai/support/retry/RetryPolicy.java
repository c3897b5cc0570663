package dev.otai.support.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before trying a call again: exponential backoff with full jitter, capped,
 * and a server's {@code Retry-After} honoured when it asks for longer.
 *
 * @param maxAttempts    attempts in all, the first included (1: no retry)
 * @param initialBackoff the backoff ceiling before the second attempt; it doubles per attempt
 * @param maxBackoff     the largest wait, also the cap on {@code Retry-After}
 * @param sleeper        how to wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts was " + maxAttempts + "; expected at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed: a random
     * duration up to {@code initialBackoff * 2^(attempt-1)}, capped; at least {@code retryAfter} when the server
     * gave one.
     */
    public Duration backoff(int attempt, Duration retryAfter) {
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(ceiling, 1), maxBackoff.toMillis());
        Duration jittered = Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
        }
        return jittered;
    }
}
