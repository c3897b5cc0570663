package dev.otai.core.orchestration;

import dev.otai.api.PipeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the orchestrator does, as events for metrics, run history and tests. */
public sealed interface EngineEvent {

    record TriggerFired(String triggerId, Instant at) implements EngineEvent {
    }

    /** A run began; {@code event} is the trigger's event data (empty for time fires), kept to resume the run. */
    record RunStarted(String runnerId, String runId, String triggerId, Instant at, Map<String, Object> event)
            implements EngineEvent {

        public RunStarted {
            event = event == null ? Map.of() : event;
        }

        public RunStarted(String runnerId, String runId, String triggerId, Instant at) {
            this(runnerId, runId, triggerId, at, Map.of());
        }
    }

    record RunFinished(String runnerId, String runId, String triggerId, PipeResult result, Duration duration,
                       int attempt) implements EngineEvent {
    }

    /** A fire that did not start a run because the runner was busy. */
    record FireSkipped(String runnerId, String triggerId, Instant at) implements EngineEvent {
    }

    /**
     * A run that fetched tickets and wrote nothing, every write skipped as already applied: the runner backs off
     * for {@code backOff} instead of fetching the same tickets again at full rate.
     */
    record RunSpinning(String runnerId, String runId, int ticketsFetched, int writesSkipped, Duration backOff)
            implements EngineEvent {
    }

    /** An event queued because the runner was busy; it runs when the runner is free. */
    record EventQueued(String runnerId, String triggerId) implements EngineEvent {
    }
}
