package dev.otai.console.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Slows guessing: after {@value #MAX_FAILURES} wrong tokens within a minute, every sign-in is refused until that
 * minute is over, whoever sends it. Counts are kept against the injected clock; nothing waits.
 */
final class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final InstantSource clock;
    private Instant windowStart = Instant.MIN;
    private int failures;

    SignInThrottle(InstantSource clock) {
        this.clock = clock;
    }

    synchronized boolean refusing() {
        roll();
        return failures >= MAX_FAILURES;
    }

    synchronized void failed() {
        roll();
        failures++;
    }

    private void roll() {
        Instant now = clock.instant();
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            failures = 0;
        }
    }
}
