package dev.otai.core.orchestration;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the engine's {@link Orchestrator} to the orchestrator pipe. The pipe is created while the tree is
 * assembled, before its runners can be read; the engine reads them once, right after assembling, builds their
 * runtimes and the orchestrator, and hands it over here before anything runs.
 */
public final class OrchestratorHandoff {

    private final AtomicReference<Orchestrator> orchestrator = new AtomicReference<>();

    public void hand(Orchestrator built) {
        if (!orchestrator.compareAndSet(null, built)) {
            throw new IllegalStateException("the engine's orchestrator was already handed over");
        }
    }

    Orchestrator orchestrator() {
        Orchestrator built = orchestrator.get();
        if (built == null) {
            throw new IllegalStateException("the orchestrator ran before the engine read its runners");
        }
        return built;
    }
}
