package dev.otai.core.orchestration;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the engine's {@link Runners} to the orchestrator pipe. The pipe is created while the tree is assembled,
 * before its runners can be read; the engine reads them once, right after assembling, and hands them over here
 * before anything runs.
 */
public final class RunnersHandoff {

    private final AtomicReference<Runners> runners = new AtomicReference<>();

    public void hand(Runners read) {
        if (!runners.compareAndSet(null, read)) {
            throw new IllegalStateException("the engine's runners were already handed over");
        }
    }

    Runners runners() {
        Runners read = runners.get();
        if (read == null) {
            throw new IllegalStateException("the orchestrator ran before the engine read its runners");
        }
        return read;
    }
}
