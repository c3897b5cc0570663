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
 */
record Fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable, int attempt) {

    /**
     * The next attempt. It always waits for a busy runner: a failed run schedules its retry before it releases the
     * runner, so a retry that falls due at once (no delay) may find the runner still busy with the attempt before.
     */
    Fire retry(Instant when) {
        return new Fire(triggerId, event, when, true, attempt + 1);
    }
}
