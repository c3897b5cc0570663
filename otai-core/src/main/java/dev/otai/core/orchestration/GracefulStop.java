package dev.otai.core.orchestration;

import dev.otai.core.config.Durations;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the runners stop: no new fires or events; events already accepted (queued) still run, and in-flight runs
 * finish, within the grace period. Past it, queued events are given up (counted at WARN) and in-flight runs are
 * cancelled. Logged under {@link Orchestrator}, whose stop it is.
 */
final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

    private GracefulStop() {
    }

    static void stop(Runners runners, EventDelivery events) throws InterruptedException {
        int waiting = events.closeForStop();
        Duration grace = runners.shutdownGrace();
        String within = Durations.format(grace);
        if (waiting > 0) {
            log.info("Stopping: {} accepted events still wait and run first (grace period {})", waiting, within);
        }
        long retries = runners.timetable().retriesWaiting();
        if (retries > 0) {
            log.warn("Stopping: {} scheduled retries of failed runs will not run", retries);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean idle = true;
        for (RunnerRuntime runner : runners.everyRuntime()) {
            idle &= runner.awaitIdle(Math.max(0, deadline - System.nanoTime()));
        }
        ExecutorService executor = runners.executor();
        if (!idle) {
            int notRun = 0;
            for (RunnerRuntime runner : runners.everyRuntime()) {
                notRun += runner.abandon();
            }
            if (notRun > 0) {
                log.warn("Stopping: {} accepted events were not run within the {} grace period", notRun, within);
            }
            log.warn("Stopping: runs still in flight after the {} grace period are cancelled", within);
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } else {
            executor.shutdown();
        }
        log.info("Orchestrator stopped");
    }
}
