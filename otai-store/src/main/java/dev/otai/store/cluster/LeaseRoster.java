package dev.otai.store.cluster;

import dev.otai.core.engine.Engine;
import dev.otai.store.EngineRecording;
import java.util.List;

/** What the lease keeper serves: the engine's runners, whether each is idle, what to do on gaining one. */
public interface LeaseRoster {

    /** The runners of the running config, in config order. */
    List<String> runnerIds();

    /** Whether the runner has no run in flight or queued on this node (a lease above the share is handed back then). */
    boolean idle(String runnerId);

    /**
     * Called once the database gave this node the runner's lease, before the node counts it as held (nothing of the
     * runner runs here yet); returns the work to start, on a thread of its own, once it does (resuming its
     * interrupted runs).
     */
    Runnable gaining(String runnerId);

    /** Whether the engine is stopping: then no new lease is taken, and those held are kept until the runs end. */
    boolean stopping();

    /** The runners of {@code engine}, which records into {@code recording}. */
    static LeaseRoster of(Engine engine, EngineRecording recording) {
        return new EngineRoster(engine, recording);
    }

    /** No runners (before the engine started). */
    LeaseRoster NONE = new LeaseRoster() {
        @Override
        public List<String> runnerIds() {
            return List.of();
        }

        @Override
        public boolean idle(String runnerId) {
            return true;
        }

        @Override
        public Runnable gaining(String runnerId) {
            return () -> { };
        }

        @Override
        public boolean stopping() {
            return true;
        }
    };
}
