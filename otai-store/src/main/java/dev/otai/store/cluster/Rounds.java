package dev.otai.store.cluster;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease keeper's rounds on a thread of their own, one every period until stopped. A round that fails (the
 * database is out of reach) is said once at WARN, until one succeeds again.
 */
final class Rounds {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Runnable round;
    private final Duration period;
    private final String node;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean stopped;
    private volatile boolean failing;
    private Thread thread; // guarded by lock

    Rounds(Runnable round, Duration period, String node) {
        this.round = round;
        this.period = period;
        this.node = node;
    }

    /** Runs one round now, on the calling thread. */
    void runNow() {
        try {
            round.run();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node '{}' could not renew its runner leases: {}; it runs none once they run out, and tries "
                        + "again every {} ms", node, e.getMessage(), period.toMillis());
            }
            failing = true;
        }
    }

    /** Starts the thread (once); its first round comes one period from now. */
    void start() {
        lock.lock();
        try {
            if (thread == null && !stopped) {
                thread = Thread.ofPlatform().daemon().name("otai-lease-keeper").start(this::loop);
            }
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!stopped) {
            lock.lock();
            try {
                if (!stopped) {
                    wake.awaitNanos(period.toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (!stopped) {
                runNow();
            }
        }
    }

    /** Stops the thread and waits for a round in progress to end. */
    void stop() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            wake.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
