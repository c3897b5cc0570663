package dev.otai.core.orchestration;

import dev.otai.api.PipeNode;
import java.util.List;

/**
 * A runner as configured, read once from the assembled tree: its id, the ids of the triggers that fire it (none:
 * it runs once at startup), the pipe it runs and its settings.
 */
public record Runner(String id, List<String> triggerIds, PipeNode run, RunnerSettings settings) {

    public Runner {
        triggerIds = List.copyOf(triggerIds);
    }
}
