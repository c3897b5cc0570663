package dev.otai.core.orchestration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The busy state of one runner: how many of its runs are in flight, the events waiting for it, and whether it
 * still takes fires. One lock guards it and is held only to read or change it, never while a listener is told, a
 * line is logged or a thread is started, so the thread that delivers events and a run that finishes never wait
 * on each other's work.
 */
final class RunSlots {

    /** What a fire turned into. */
    enum Admission {
        /** The runner no longer takes fires. */
        IGNORED,
        /** A slot is taken for it: start its run. */
        STARTS,
        /** It waits in the queue for a run to finish. */
        QUEUED,
        /** The runner is busy and it cannot wait; the first skip of a busy period is {@link #SKIPPED_FIRST}. */
        SKIPPED,
        SKIPPED_FIRST
    }

    private final int concurrency;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a run gives back its slot or the queue is given up. */
    private final Condition released = lock.newCondition();
    private final ArrayDeque<Fire> pending = new ArrayDeque<>();
    private int inFlight;
    private long skipped;
    private boolean warnedWhileBusy;
    private boolean accepting = true;
    private boolean abandoned;

    RunSlots(RunnerSettings settings) {
        this.concurrency = settings.concurrency();
        this.maxQueued = settings.maxQueuedEvents();
    }

    /** Takes a slot for {@code fire}, queues it (events, retries) or counts it skipped (time fires). */
    Admission admit(Fire fire) {
        lock.lock();
        try {
            if (!accepting) {
                return Admission.IGNORED;
            }
            if (inFlight < concurrency) {
                inFlight++;
                return Admission.STARTS;
            }
            if (fire.queueable()) {
                pending.add(fire);
                return Admission.QUEUED;
            }
            skipped++;
            if (warnedWhileBusy) {
                return Admission.SKIPPED;
            }
            warnedWhileBusy = true;
            return Admission.SKIPPED_FIRST;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a slot is free and takes it, for a run that must not be skipped (an interrupted run resumed by a
     * node that gained the runner); false when the runner stopped taking fires first.
     */
    boolean takeWhenFree() throws InterruptedException {
        lock.lock();
        try {
            while (accepting && inFlight >= concurrency) {
                released.await();
            }
            if (!accepting) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** After a run: the next queued fire, to run in the same slot, or null after giving the slot back. */
    Fire finishedOrNext() {
        lock.lock();
        try {
            warnedWhileBusy = false;
            Fire next = abandoned ? null : pending.poll();
            if (next == null) {
                inFlight--;
                released.signalAll();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot whose run could not be started. */
    void release() {
        lock.lock();
        try {
            inFlight--;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    long skipped() {
        lock.lock();
        try {
            return skipped;
        } finally {
            lock.unlock();
        }
    }

    /** Whether an event delivered now would run or wait, rather than exceed the queue's bound. */
    boolean hasRoomForEvent() {
        lock.lock();
        try {
            return accepting && (inFlight < concurrency || pending.size() < maxQueued);
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many events it can take now without exceeding its queue's bound: free slots plus free places in the
     * queue; 0 once it no longer takes fires.
     */
    int room() {
        lock.lock();
        try {
            return accepting ? Math.max(0, concurrency - inFlight) + Math.max(0, maxQueued - pending.size()) : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the queued fires of stored events out of the queue, in order, to give them back. */
    List<Fire> withdrawStored() {
        lock.lock();
        try {
            var stored = new ArrayList<Fire>();
            pending.removeIf(fire -> fire.isStored() && stored.add(fire));
            released.signalAll();
            return stored;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking fires; fires already queued still run. Returns how many wait. */
    int stopAccepting() {
        lock.lock();
        try {
            accepting = false;
            released.signalAll(); // a resumption waiting for a slot gives up
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Gives up the fires still queued; returns them, which will not run. */
    List<Fire> abandon() {
        lock.lock();
        try {
            abandoned = true;
            var left = new ArrayList<>(pending);
            pending.clear();
            released.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no run is in flight or queued. */
    void awaitIdle() throws InterruptedException {
        lock.lock();
        try {
            while (inFlight > 0 || !pending.isEmpty()) {
                released.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no run is in flight or queued, up to {@code nanos}; returns whether it is idle. */
    boolean awaitIdle(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (inFlight > 0 || !pending.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = released.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
