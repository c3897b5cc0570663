package dev.otai.core.orchestration;

import java.time.Instant;
import java.util.Map;

/**
 * One reason to run a runner.
 *
 * @param triggerId the trigger that fired; empty for a startup run
 * @param event     the event's data (webhook body…), visible to templates as {@code event}; empty for time fires
 * @param queueable whether it waits for a busy runner (events) instead of being skipped (time fires)
 * @param attempt   1 for a first attempt, more for retries
 */
record Fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable, int attempt) {

    Fire retry(Instant when) {
        return new Fire(triggerId, event, when, queueable, attempt + 1);
    }
}
