package dev.otai.core.orchestration;

/**
 * Which runners this engine may run now. An engine alone owns every runner; in a cluster an engine owns the runners
 * whose lease it holds, and only the owner starts a runner's runs and sends their writes. The epoch numbers the
 * holders of a runner's lease (each new holder gets a larger one), so that a write can be fenced: a write made under
 * an epoch older than the lease's current one comes from an engine that lost the runner.
 * Offered to the engine as a facility.
 */
public interface RunnerOwnership {

    /** Whether this engine holds {@code runnerId} now: may start its runs and send their writes. */
    boolean owns(String runnerId);

    /** The epoch under which this engine holds {@code runnerId}; 0 when it does not hold it, 1 for an engine alone. */
    long epoch(String runnerId);

    /**
     * The database refused a write of {@code runnerId} made under {@code epoch}: another engine holds the runner, or
     * the lease ran out there. This engine then stops counting the runner as its own at once, so that the run ends
     * "lease lost" whatever its steps made of the refusal. Nothing to do for an engine alone.
     */
    default void refused(String runnerId, long epoch) {
    }

    /** An engine alone: it owns every runner, always under epoch 1. */
    RunnerOwnership ALONE = new RunnerOwnership() {
        @Override
        public boolean owns(String runnerId) {
            return true;
        }

        @Override
        public long epoch(String runnerId) {
            return 1;
        }
    };
}
