package dev.otai.core.orchestration;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.core.config.Durations;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a runner's pipe under the runner's {@code timeout}: without one the pipe runs on the calling thread;
 * with one it runs on a thread of its own and is given up (cancelled, interrupted) at the timeout. A pipe that
 * ignores the interrupt goes on running, so {@link #awaitEnd} keeps the caller (and with it the runner's slot) until
 * it really ended.
 */
final class TimedRun {

    /** How long a run cancelled at its timeout may take to end before the runner says that it lingers. */
    private static final Duration LINGER_BEFORE_WARNING = Duration.ofSeconds(1);

    private final PipeNode pipe;
    private final Duration timeout; // null: none
    private final ExecutorService executor;
    private final CountDownLatch ended = new CountDownLatch(1); // opens once the pipe no longer runs

    TimedRun(PipeNode pipe, Duration timeout, ExecutorService executor) {
        this.pipe = pipe;
        this.timeout = timeout;
        this.executor = executor;
    }

    /** Runs the pipe; with a timeout on a second thread, given up at the timeout. */
    PipeResult run(PipeContext context) {
        if (timeout == null) {
            return pipe.run(context);
        }
        var begun = new AtomicBoolean(); // claimed by the run when it begins, or by the cancel when it never did
        Future<PipeResult> future = executor.submit(() -> {
            if (!begun.compareAndSet(false, true)) {
                return null;
            }
            try {
                return pipe.run(context);
            } finally {
                ended.countDown();
            }
        });
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel(future, begun);
            return PipeResult.failed("timed out after " + Durations.format(timeout) + " and was cancelled");
        } catch (InterruptedException e) {
            cancel(future, begun);
            Thread.currentThread().interrupt();
            return PipeResult.failed("cancelled at shutdown", e);
        } catch (ExecutionException e) {
            return PipeResult.failed("run threw " + e.getCause(), e.getCause());
        }
    }

    private void cancel(Future<PipeResult> future, AtomicBoolean begun) {
        future.cancel(true);
        if (begun.compareAndSet(false, true)) {
            ended.countDown(); // it never began, and now never will
        }
    }

    /**
     * Returns once the pipe no longer runs (at once without a timeout): a run cancelled at its timeout may linger,
     * and the runner must not start a second run beside it. {@code lingering} is told once when it is still running
     * after {@link #LINGER_BEFORE_WARNING}. A stop past the grace period interrupts this wait.
     */
    void awaitEnd(Runnable lingering) {
        if (timeout == null) {
            return;
        }
        try {
            if (!ended.await(LINGER_BEFORE_WARNING.toNanos(), TimeUnit.NANOSECONDS)) {
                lingering.run();
                ended.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
