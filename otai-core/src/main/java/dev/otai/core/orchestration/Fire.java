package dev.otai.core.orchestration;

import java.time.Instant;
import java.util.Map;

/**
 * One reason to run a runner.
 *
 * @param triggerId the trigger that fired; empty for a startup run
 * @param event     the event's data (webhook body…), visible to templates as {@code event}; empty for time fires
 * @param queueable whether it waits for a busy runner (events, retries) instead of being skipped (time fires)
 * @param attempt   1 for a first attempt, more for retries
 * @param stored    the stored event it runs, in clustered mode ({@link EventInbox}); {@link EventInbox#IN_MEMORY}
 *                  otherwise
 */
record Fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable, int attempt,
            EventInbox.Claimed stored) {

    Fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable, int attempt) {
        this(triggerId, event, at, queueable, attempt, EventInbox.IN_MEMORY);
    }

    /** A stored event claimed by this node. */
    static Fire of(EventInbox.Claimed claimed, Instant at) {
        return new Fire(claimed.triggerId(), claimed.event(), at, true, 1, claimed);
    }

    /** Whether it runs a stored event (clustered mode). */
    boolean isStored() {
        return stored != EventInbox.IN_MEMORY;
    }

    /**
     * The next attempt. It always waits for a busy runner: a failed run schedules its retry before it releases the
     * runner, so a retry that falls due at once (no delay) may find the runner still busy with the attempt before.
     * The stored event is done once its first run ended: a retry lives in memory, as retries do on one node.
     */
    Fire retry(Instant when) {
        return new Fire(triggerId, event, when, true, attempt + 1);
    }
}
