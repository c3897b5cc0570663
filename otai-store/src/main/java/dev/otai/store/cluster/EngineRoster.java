package dev.otai.store.cluster;

import dev.otai.core.engine.Engine;
import dev.otai.store.EngineRecording;
import java.util.List;

/**
 * A running engine as the lease keeper serves it: gaining a runner marks the runs its previous node left
 * unfinished as abandoned in the history, and resumes them through the run journal.
 */
record EngineRoster(Engine engine, EngineRecording recording) implements LeaseRoster {

    @Override
    public List<String> runnerIds() {
        return engine.runners().ids();
    }

    @Override
    public boolean idle(String runnerId) {
        return engine.runners().idle(runnerId);
    }

    @Override
    public Runnable gaining(String runnerId) {
        recording.gaining(runnerId);
        return engine.onGain(runnerId);
    }

    @Override
    public boolean stopping() {
        return engine.lifecycle().stopRequested();
    }
}
