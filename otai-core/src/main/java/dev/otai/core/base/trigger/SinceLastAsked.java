package dev.otai.core.base.trigger;

import dev.otai.api.PipeResult;
import dev.otai.api.Trigger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a time trigger answers as a plain pipe: succeeded when a fire time of its schedule has passed since it
 * last succeeded (or since it was created), skipped otherwise.
 */
final class SinceLastAsked {

    private final InstantSource clock;
    private final AtomicReference<Instant> last;

    SinceLastAsked(InstantSource clock) {
        this.clock = clock;
        this.last = new AtomicReference<>(clock.instant());
    }

    PipeResult ask(Trigger.Schedule schedule) {
        Instant now = clock.instant();
        Instant previous = last.get();
        Optional<Instant> due = schedule.nextAfter(previous);
        if (due.isPresent() && !due.get().isAfter(now) && last.compareAndSet(previous, now)) {
            return PipeResult.success();
        }
        return PipeResult.skipped("not due; next at " + due.map(Instant::toString).orElse("never"));
    }
}
