package dev.otai.store.ledger;

import dev.otai.api.RunInfo;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.LeaseLost;
import dev.otai.core.orchestration.RunnerOwnership;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps a run's helpdesk writes to the lease its runner was held under when the run started: a write is refused
 * ({@link LeaseLost}) once this node no longer holds the runner under that epoch. An engine alone holds every
 * runner, always, and nothing is refused.
 */
final class WriteFence {

    private final RunnerOwnership ownership;
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    WriteFence(RunnerOwnership ownership) {
        this.ownership = ownership;
    }

    /** Whether writes are fenced by a lease in the database too (a cluster), not only here. */
    boolean clustered() {
        return ownership != RunnerOwnership.ALONE;
    }

    /** Remembers the epoch each run starts under, until it ends. */
    void on(EngineEvent event) {
        switch (event) {
            case EngineEvent.RunStarted started -> epochs.put(started.runId(), ownership.epoch(started.runnerId()));
            case EngineEvent.RunFinished finished -> epochs.remove(finished.runId());
            default -> { }
        }
    }

    /**
     * The epoch {@code run} writes under; throws {@link LeaseLost} when this node lost the runner since the run
     * started. {@code what} names the write, for the message (made only then).
     */
    long check(RunInfo run, Supplier<String> what) {
        long now = ownership.epoch(run.runnerId());
        long started = epochs.getOrDefault(run.runId(), now);
        if (now == 0 || now != started) {
            throw refused(run, what.get(), started);
        }
        return started;
    }

    /** The database refused {@code run}'s write under {@code epoch}: this node no longer counts the runner its own. */
    void refusedByDatabase(RunInfo run, long epoch) {
        ownership.refused(run.runnerId(), epoch);
    }

    static LeaseLost refused(RunInfo run, String what, long epoch) {
        return new LeaseLost("runner '" + run.runnerId() + "' run " + run.runId() + ": " + what + " was refused: this "
                + "node no longer holds the runner's lease (epoch " + epoch + "); the node that holds it now resumes the run");
    }
}
