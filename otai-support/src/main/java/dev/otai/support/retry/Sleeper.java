package dev.otai.support.retry;

import java.time.Duration;

/** Waits between attempts. Injected so that tests never wait for real: they pass {@link #NONE}. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for real, on the calling (usually virtual) thread. */
    Sleeper REAL = duration -> Thread.sleep(duration);

    /** Returns at once; for tests. */
    Sleeper NONE = duration -> { };

    void sleep(Duration duration) throws InterruptedException;
}
