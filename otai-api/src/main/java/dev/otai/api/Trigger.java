package dev.otai.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The role of a pipe that decides <em>when</em> runners run. The orchestrator asks each trigger once, at start,
 * how it fires, then does all the waiting itself: triggers never sleep or poll.
 *
 * <p>A trigger is still a {@link Pipe}: used as a plain gate (for example as a runner's {@code on} outside the
 * orchestrator) it answers "have I fired since I was last asked?".
 */
public interface Trigger extends Pipe {

    /** How this trigger fires, given its params rendered with an empty context. */
    Firing firing(Params params);

    /** How a trigger fires. */
    sealed interface Firing {
    }

    /**
     * Fires at the times of a schedule.
     *
     * @param schedule the next fire time after a given instant
     * @param atStart  whether to fire once as soon as the orchestrator starts
     */
    record Timed(Schedule schedule, boolean atStart) implements Firing {
    }

    /** Fires when an event for this trigger's id arrives (webhook, manual trigger). */
    record OnEvent(boolean atStart) implements Firing {
    }

    /** A pure function of time. */
    @FunctionalInterface
    interface Schedule {
        /** The first fire time strictly after {@code time}, or empty when the schedule has ended. */
        Optional<Instant> nextAfter(Instant time);
    }
}
