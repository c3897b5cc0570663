package dev.otai.api;

import java.util.Objects;

/**
 * Identifies one run of a runner.
 *
 * @param runnerId the runner's id, or empty outside a runner
 * @param runId    unique id of this run, also put in the logging MDC as {@code run_id}
 * @param triggerId the trigger that caused the run, or empty for a startup or manual run
 * @param dryRun   when true, pipes that write to external systems record their intended effect instead
 * @param tally    what the run did to its helpdesks so far (counted by the effect ledger)
 */
public record RunInfo(String runnerId, String runId, String triggerId, boolean dryRun, RunTally tally) {

    public static final RunInfo NONE = new RunInfo("", "", "", false, RunTally.ignoring());

    public RunInfo {
        runnerId = Objects.requireNonNullElse(runnerId, "");
        runId = Objects.requireNonNullElse(runId, "");
        triggerId = Objects.requireNonNullElse(triggerId, "");
        tally = Objects.requireNonNullElseGet(tally, RunTally::ignoring);
    }

    /** A run with a fresh tally. */
    public RunInfo(String runnerId, String runId, String triggerId, boolean dryRun) {
        this(runnerId, runId, triggerId, dryRun, RunTally.forRun());
    }
}
