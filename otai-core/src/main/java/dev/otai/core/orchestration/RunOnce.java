package dev.otai.core.orchestration;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code otai run --once}: runs each runner once, in order, now, ignoring triggers, through the engine's own
 * runner runtimes: the same runs as a fire would start, with the trigger id {@value #TRIGGER}, run on the calling
 * thread since it waits for each anyway. A failed run with
 * retries left is retried per the runner's policy, waiting as the orchestrator waits, before the next runner
 * starts. A stop request ends it after the run in flight; the runners not yet run are left out of the outcomes.
 */
public final class RunOnce {

    /** The trigger id of these runs. */
    static final String TRIGGER = "once";

    private final Runners runners;
    private final InstantSource clock;
    private final Lifecycle lifecycle;

    public RunOnce(Runners runners, InstantSource clock, Lifecycle lifecycle) {
        this.runners = runners;
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    public List<RunnerOutcome> runEach() {
        Timetable timetable = runners.timetable();
        lifecycle.onStop(timetable::wake);
        var outcomes = new ArrayList<RunnerOutcome>();
        try {
            for (RunnerRuntime runner : runners.runtimes()) {
                if (lifecycle.stopRequested()) {
                    break;
                }
                run(runner, timetable).ifPresent(outcomes::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }

    /** Runs the runner {@code runnerId} once, as {@link #runEach} runs each; empty when there is no such runner. */
    public Optional<RunnerOutcome> runOne(String runnerId) {
        Timetable timetable = runners.timetable();
        lifecycle.onStop(timetable::wake);
        try {
            for (RunnerRuntime runner : runners.runtimes()) {
                if (runner.id().equals(runnerId)) {
                    return run(runner, timetable);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private Optional<RunnerOutcome> run(RunnerRuntime runner, Timetable timetable) throws InterruptedException {
        RunnerOutcome before = runner.lastOutcome().orElse(null);
        runner.fireHere(new Fire(TRIGGER, Map.of(), clock.instant(), false, 1));
        awaitRunAndRetries(runner, timetable);
        return runner.lastOutcome().filter(last -> last != before);
    }

    /**
     * Waits until the runner's run and the retries it schedules are over; the time fires of an orchestrator that
     * shares the timetable are left to it.
     */
    private void awaitRunAndRetries(RunnerRuntime runner, Timetable timetable) throws InterruptedException {
        while (true) {
            runner.awaitIdle();
            Optional<Instant> next = timetable.nextRetry();
            if (next.isEmpty() || lifecycle.stopRequested()) {
                return;
            }
            Optional<Timetable.Due> due = timetable.takeDueRetry(clock.instant());
            if (due.isPresent()) {
                due.get().retryOf().fireHere(due.get().retry());
            } else {
                timetable.awaitChange(next.get(), clock, lifecycle::stopRequested);
            }
        }
    }
}
