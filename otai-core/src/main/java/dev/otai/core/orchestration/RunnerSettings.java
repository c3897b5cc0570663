package dev.otai.core.orchestration;

import dev.otai.api.ConfigException;
import java.time.Duration;

/**
 * Per-runner settings.
 *
 * @param timeout     a run past it is cancelled and recorded as failed; null for none
 * @param retry       how failed runs are retried
 * @param concurrency how many runs of this runner may be in flight at once (1: never overlapping)
 * @param maxQueuedEvents how many webhook or manual events may wait while the runner is busy; beyond that a new
 *                    event is refused (HTTP 503 with Retry-After) rather than accepted and lost
 */
public record RunnerSettings(Duration timeout, Retry retry, int concurrency, int maxQueuedEvents) {

    public static final int DEFAULT_MAX_QUEUED_EVENTS = 1000;
    public static final RunnerSettings DEFAULTS = new RunnerSettings(null, Retry.NONE, 1, DEFAULT_MAX_QUEUED_EVENTS);

    public RunnerSettings {
        if (timeout != null && !timeout.isPositive()) {
            throw new ConfigException("timeout was " + timeout + "; expected a positive duration");
        }
        if (concurrency < 1) {
            throw new ConfigException("concurrency was " + concurrency + "; expected at least 1");
        }
        if (maxQueuedEvents < 0) {
            throw new ConfigException("max_queued_events was " + maxQueuedEvents + "; expected 0 or more");
        }
    }

    /**
     * Retries of failed runs: the n-th retry waits {@code initialDelay · factor^(n-1)}, at most {@code maxDelay}.
     *
     * @param attempts total attempts including the first; 1 means no retry
     */
    public record Retry(int attempts, Duration initialDelay, double factor, Duration maxDelay) {

        public static final Retry NONE = new Retry(1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

        public Retry {
            if (attempts < 1) {
                throw new ConfigException("retry.attempts was " + attempts + "; expected at least 1");
            }
            if (factor < 1) {
                throw new ConfigException("retry.factor was " + factor + "; expected at least 1");
            }
        }

        public Duration delayBefore(int attempt) {
            double nanos = initialDelay.toNanos() * Math.pow(factor, Math.max(0, attempt - 2));
            Duration delay = Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
