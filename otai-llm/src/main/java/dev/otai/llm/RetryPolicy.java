package dev.otai.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before another attempt. A server's {@code Retry-After} wins (up to
 * {@code maxRetryAfter}); otherwise the wait doubles from {@code baseDelay} up to {@code maxDelay}, and a random
 * part ("equal jitter": half fixed, half random) keeps many clients from retrying in lockstep.
 *
 * @param maxRetries   attempts after the first; 0 disables retries
 * @param baseDelay    the wait before the first retry, before jitter
 * @param maxDelay     the longest computed wait
 * @param maxRetryAfter the longest wait a server may ask for; longer requests are cut to this
 */
record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(20);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries was " + maxRetries + "; expected 0 or more");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    static RetryPolicy withRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, BASE_DELAY, MAX_DELAY, MAX_RETRY_AFTER);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter what the server asked for, if anything
     * @param random     a value in [0, 1)
     */
    Duration delay(int retry, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        long base = baseDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * random.getAsDouble()));
    }
}
