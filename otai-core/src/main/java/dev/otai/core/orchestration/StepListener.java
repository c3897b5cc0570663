package dev.otai.core.orchestration;

import dev.otai.api.RunInfo;

/**
 * Told about every pipe executed inside a run (a run id is set), on the thread that runs it: when it starts
 * and, with its outcome, rendered params and data, when it ends. Offered to the engine as a facility; the run
 * history and the effect ledger use it. Calls must be quick and must not throw.
 */
public interface StepListener {

    /** A pipe of {@code run} is about to execute; steps nest, so a composite starts before its children. */
    default void started(RunInfo run, String pipeId, String use) {
    }

    /** The pipe that started last on this thread (and has not ended) ended. */
    void finished(StepEvent step);

    StepListener NONE = step -> { };

    /** Tells both listeners, {@code first} first. */
    static StepListener both(StepListener first, StepListener second) {
        return new StepListener() {
            @Override
            public void started(RunInfo run, String pipeId, String use) {
                first.started(run, pipeId, use);
                second.started(run, pipeId, use);
            }

            @Override
            public void finished(StepEvent step) {
                first.finished(step);
                second.finished(step);
            }
        };
    }
}
