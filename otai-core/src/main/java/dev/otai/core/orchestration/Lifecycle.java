package dev.otai.core.orchestration;

import java.util.concurrent.CountDownLatch;

/**
 * The engine's stop signal: the composition root requests a stop (on SIGTERM or SIGINT); the orchestrator
 * waits on it alongside its schedule.
 *
 * @see Orchestrator#run()
 */
public final class Lifecycle {

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Runnable onStop = () -> { };

    public void requestStop() {
        stop.countDown();
        onStop.run();
    }

    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** Registers the one action that wakes whoever waits for the stop (the orchestrator's loop). */
    void onStop(Runnable action) {
        this.onStop = action;
        if (stopRequested()) {
            action.run();
        }
    }
}
