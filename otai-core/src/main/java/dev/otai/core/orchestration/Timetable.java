package dev.otai.core.orchestration;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What falls due when: the next fire of each time trigger and the retries of failed runs, in time order. The one
 * place anything waits for time: {@link #awaitChange(InstantSource)} sleeps until the earliest entry is due, an
 * entry is added, or {@link #wake()} is called.
 */
final class Timetable {

    /** A time trigger's next fire ({@code retryOf} null), or a retry of a runner's failed run. */
    record Due(Instant at, String triggerId, RunnerRuntime retryOf, Fire retry) {

        static Due trigger(Instant at, String triggerId) {
            return new Due(at, triggerId, null, null);
        }

        static Due retry(RunnerRuntime runner, Fire retry) {
            return new Due(retry.at(), retry.triggerId(), runner, retry);
        }

        boolean isRetry() {
            return retryOf != null;
        }
    }

    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at);

    private final PriorityQueue<Due> queue = new PriorityQueue<>(ORDER);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void add(Due due) {
        lock.lock();
        try {
            queue.add(due);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the next fire of the time trigger {@code triggerId} (a reload removed or changed it); retries stay. */
    void removeTrigger(String triggerId) {
        lock.lock();
        try {
            queue.removeIf(due -> !due.isRetry() && due.triggerId().equals(triggerId));
        } finally {
            lock.unlock();
        }
    }

    /** Takes the earliest entry when it is due at {@code now}; empty when nothing is. */
    Optional<Due> takeDue(Instant now) {
        return takeDue(now, due -> true);
    }

    /** Takes the earliest retry when it is due at {@code now}, leaving trigger fires where they are. */
    Optional<Due> takeDueRetry(Instant now) {
        return takeDue(now, Due::isRetry);
    }

    private Optional<Due> takeDue(Instant now, Predicate<Due> wanted) {
        lock.lock();
        try {
            Due due = queue.stream().filter(wanted).min(ORDER).orElse(null);
            if (due == null || due.at().isAfter(now)) {
                return Optional.empty();
            }
            queue.remove(due);
            return Optional.of(due);
        } finally {
            lock.unlock();
        }
    }

    Optional<Instant> next() {
        lock.lock();
        try {
            return Optional.ofNullable(queue.peek()).map(Due::at);
        } finally {
            lock.unlock();
        }
    }

    /** When the time trigger {@code triggerId} fires next; empty when it is not scheduled. */
    Optional<Instant> nextFire(String triggerId) {
        lock.lock();
        try {
            return queue.stream().filter(due -> !due.isRetry() && due.triggerId().equals(triggerId)).map(Due::at)
                    .min(Comparator.naturalOrder());
        } finally {
            lock.unlock();
        }
    }

    /** When the earliest retry falls due; empty when none waits. */
    Optional<Instant> nextRetry() {
        lock.lock();
        try {
            return queue.stream().filter(Due::isRetry).map(Due::at).min(Comparator.naturalOrder());
        } finally {
            lock.unlock();
        }
    }

    long retriesWaiting() {
        lock.lock();
        try {
            return queue.stream().filter(Due::isRetry).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the earliest entry is due by {@code clock}, an entry is added or {@link #wake()} is called,
     * whichever comes first; returns at once when something is already due or {@code done} says so. {@code done}
     * is asked under the lock {@link #wake()} takes, so a wake-up right after it is never missed.
     */
    void awaitChange(InstantSource clock, BooleanSupplier done) throws InterruptedException {
        awaitChange(null, clock, done);
    }

    /** As {@link #awaitChange(InstantSource, BooleanSupplier)}, but waits for {@code until} instead (null: forever). */
    void awaitChange(Instant until, InstantSource clock, BooleanSupplier done) throws InterruptedException {
        lock.lock();
        try {
            if (done.getAsBoolean()) {
                return;
            }
            Instant wakeAt = until != null ? until : queue.isEmpty() ? null : queue.peek().at();
            if (wakeAt == null) {
                changed.await();
                return;
            }
            long nanos = Duration.between(clock.instant(), wakeAt).toNanos();
            if (nanos > 0) {
                changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
