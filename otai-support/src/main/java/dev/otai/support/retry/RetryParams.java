package dev.otai.support.retry;

import dev.otai.api.Param;
import dev.otai.api.Params;
import java.time.Duration;
import java.util.List;

/**
 * The retry params every HTTP client service takes ({@code max_attempts}, {@code initial_backoff},
 * {@code max_backoff}), declared once so that each helpdesk names, defaults and checks them alike.
 */
public final class RetryParams {

    public static final Param<Long> MAX_ATTEMPTS = Param.integer("max_attempts").defaultsTo(4L)
            .constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("attempts per call, the first included, on connection errors, 429 and 5xx");
    public static final Param<Duration> INITIAL_BACKOFF = Param.duration("initial_backoff").defaultsTo(Duration.ofMillis(200))
            .describedAs("backoff ceiling before the second attempt; doubles per attempt, with jitter");
    public static final Param<Duration> MAX_BACKOFF = Param.duration("max_backoff").defaultsTo(Duration.ofSeconds(10))
            .describedAs("longest wait between attempts");

    /** The three params, in the order {@code otai plugins} lists them. */
    public static final List<Param<?>> ALL = List.of(MAX_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF);

    private RetryParams() {
    }

    /** The retry policy the params of a service ask for. */
    public static RetryPolicy policy(Params params, RetryTiming timing) {
        return new RetryPolicy(Math.toIntExact(params.get(MAX_ATTEMPTS)), params.get(INITIAL_BACKOFF),
                params.get(MAX_BACKOFF), timing);
    }
}
