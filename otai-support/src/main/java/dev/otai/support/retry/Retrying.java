package dev.otai.support.retry;

import dev.otai.api.ticket.HelpdeskException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a helpdesk call under a {@link RetryPolicy}: retryable failures (connection errors, 5xx, 429, malformed
 * answers) are tried again after a backoff; anything else is thrown at once.
 */
public final class Retrying {

    private static final Logger log = LoggerFactory.getLogger(Retrying.class);

    private Retrying() {
    }

    /** One attempt at a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws HelpdeskException, InterruptedException;
    }

    /** Asks the helpdesk whether a failed attempt of a non-idempotent call took effect after all. */
    @FunctionalInterface
    public interface EffectCheck<T> {
        /** The result to return when the call took effect, else null. */
        T tookEffect() throws HelpdeskException, InterruptedException;
    }

    /** For idempotent calls (reads, setting fields): retried freely. */
    public static <T> T idempotent(RetryPolicy policy, Attempt<T> attempt) throws HelpdeskException, InterruptedException {
        return run(policy, attempt, null);
    }

    /**
     * For calls that must not happen twice (adding a note, creating a ticket): after a retryable failure the
     * check reads the helpdesk back, and the call is tried again only when the first attempt left no trace.
     */
    public static <T> T nonIdempotent(RetryPolicy policy, Attempt<T> attempt, EffectCheck<T> check)
            throws HelpdeskException, InterruptedException {
        return run(policy, attempt, check);
    }

    private static <T> T run(RetryPolicy policy, Attempt<T> attempt, EffectCheck<T> check)
            throws HelpdeskException, InterruptedException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (HelpdeskException e) {
                if (!e.retryable() || number >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = policy.backoff(number, e.retryAfter());
                log.warn("{}; attempt {} of {}, trying again in {} ms", e.getMessage(), number, policy.maxAttempts(),
                        wait.toMillis());
                policy.sleeper().sleep(wait);
                if (check != null) {
                    T earlier = idempotent(policy, check::tookEffect);
                    if (earlier != null) {
                        log.info("{} {}: the failed attempt had taken effect; not sending it again", e.helpdesk(), e.operation());
                        return earlier;
                    }
                }
            }
        }
    }
}
