package dev.otai.testkit.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that start processes (an engine JVM, {@code otai validate} …): after each test, every child
 * process the test started is killed (SIGKILL) together with all of its descendants, whether the test passed,
 * failed an assertion or ran out of time, and the reaper waits until they are gone. While the class runs, a
 * shutdown hook does the same when the test JVM itself is stopped (a fork timeout), so no child outlives the build.
 *
 * <p>Only children that appeared during the test are touched: the ones that were there before it are left alone.
 */
public final class ReapChildProcesses implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReapChildProcesses.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    @Override
    public void beforeAll(ExtensionContext context) {
        Thread hook = new Thread(() -> reap(Set.of()), "reap-child-processes");
        Runtime.getRuntime().addShutdownHook(hook);
        context.getStore(NAMESPACE).put(Thread.class, hook);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Thread hook = context.getStore(NAMESPACE).remove(Thread.class, Thread.class);
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Set.class, children());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NAMESPACE).getOrDefault(Set.class, Set.class, Set.of());
        var survivors = reap(before);
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("child processes " + survivors + " were still alive " + EXIT_WAIT.toSeconds()
                    + " s after SIGKILL");
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toUnmodifiableSet());
    }

    /** Kills every child not in {@code keep}, descendants first; returns the pids still alive after the wait. */
    private static Set<Long> reap(Set<Long> keep) {
        var started = ProcessHandle.current().children().filter(child -> !keep.contains(child.pid())).toList();
        var doomed = started.stream()
                .flatMap(child -> Stream.concat(child.descendants(), Stream.of(child)))
                .toList();
        doomed.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted(); // a timed-out test leaves its interrupt behind; wait anyway
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        for (ProcessHandle process : doomed) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            } catch (ExecutionException | TimeoutException e) {
                // reported below as a survivor
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return doomed.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toUnmodifiableSet());
    }
}
