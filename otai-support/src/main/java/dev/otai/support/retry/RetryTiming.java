package dev.otai.support.retry;

import dev.otai.api.ServiceSetup;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Where a retry gets its time and chance from, injected so that tests neither wait nor guess.
 *
 * @param sleeper how to wait between attempts
 * @param clock   the clock a {@code Retry-After} date is measured against
 * @param random  values in [0, 1] for the jitter
 */
public record RetryTiming(Sleeper sleeper, InstantSource clock, DoubleSupplier random) {

    public RetryTiming {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** Waits with {@code sleeper}, reads dates against {@code clock}, and jitters at random. */
    public static RetryTiming of(Sleeper sleeper, InstantSource clock) {
        return new RetryTiming(sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The engine's {@link Sleeper} and clock ({@link InstantSource}) when it offers them (tests offer a sleeper
     * that does not wait), else real waiting and the system clock.
     */
    public static RetryTiming of(ServiceSetup setup) {
        return of(facility(setup, Sleeper.class, Sleeper.REAL), facility(setup, InstantSource.class, InstantSource.system()));
    }

    private static <T> T facility(ServiceSetup setup, Class<T> type, T otherwise) {
        try {
            return setup.facility(type);
        } catch (IllegalStateException none) {
            return otherwise;
        }
    }
}
