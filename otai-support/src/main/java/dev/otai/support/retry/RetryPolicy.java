package dev.otai.support.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long to wait before trying a call again: exponential backoff with "equal jitter" (half of the
 * wait fixed, half random, so that many clients do not retry in lockstep), capped, and a server's
 * {@code Retry-After} honoured as {@code serverWait} says.
 *
 * @param maxAttempts    attempts in all, the first included (1: no retry)
 * @param initialBackoff the backoff ceiling before the second attempt; it doubles per attempt
 * @param maxBackoff     the largest computed wait
 * @param serverWait     how a server's {@code Retry-After} combines with the computed wait
 * @param maxServerWait  the longest wait a server may ask for; longer requests are cut to this
 * @param timing         how to wait, the clock and the jitter's randomness
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, ServerWait serverWait,
                          Duration maxServerWait, RetryTiming timing) {

    /** How a server's {@code Retry-After} is honoured. */
    public enum ServerWait {
        /** The server's wait counts when it is longer than the computed one (helpdesks). */
        AT_LEAST_BACKOFF,
        /** The server's wait replaces the computed one, even when shorter (LLM services, which say exactly). */
        INSTEAD_OF_BACKOFF
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts was " + maxAttempts + "; expected at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(serverWait, "serverWait");
        Objects.requireNonNull(maxServerWait, "maxServerWait");
        Objects.requireNonNull(timing, "timing");
    }

    /** A server's wait counts when longer than the computed one, and is capped at {@code maxBackoff}. */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, RetryTiming timing) {
        this(maxAttempts, initialBackoff, maxBackoff, ServerWait.AT_LEAST_BACKOFF, maxBackoff, timing);
    }

    public Sleeper sleeper() {
        return timing.sleeper();
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed: between half and
     * all of {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}; combined with the server's wait,
     * when it gave one, as {@link #serverWait} says.
     */
    public Duration backoff(int attempt, Optional<Duration> retryAfter) {
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, maxBackoff.toMillis());
        Duration jittered = Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * timing.random().getAsDouble()));
        if (retryAfter.isEmpty()) {
            return jittered;
        }
        Duration asked = retryAfter.get().compareTo(maxServerWait) > 0 ? maxServerWait : retryAfter.get();
        return switch (serverWait) {
            case INSTEAD_OF_BACKOFF -> asked;
            case AT_LEAST_BACKOFF -> asked.compareTo(jittered) > 0 ? asked : jittered;
        };
    }
}
