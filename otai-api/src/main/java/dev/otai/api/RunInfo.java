package dev.otai.api;

import java.util.Objects;

/**
 * Identifies one run of a runner.
 *
 * @param runnerId the runner's id, or empty outside a runner
 * @param runId    unique id of this run, also put in the logging MDC as {@code run_id}
 * @param triggerId the trigger that caused the run, or empty for a startup or manual run
 * @param dryRun   when true, pipes that write to external systems record their intended effect instead
 */
public record RunInfo(String runnerId, String runId, String triggerId, boolean dryRun) {

    public static final RunInfo NONE = new RunInfo("", "", "", false);

    public RunInfo {
        runnerId = Objects.requireNonNullElse(runnerId, "");
        runId = Objects.requireNonNullElse(runId, "");
        triggerId = Objects.requireNonNullElse(triggerId, "");
    }
}
