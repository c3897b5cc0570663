package dev.otai.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so. */
public final class FakeClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public FakeClock() {
        this(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant to) {
        now.set(to);
    }
}
