package dev.otai.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's write queue. Writes are numbered in the order they are queued and go through two stages, each under
 * a lock of its own, so that threads that need their writes durable never wait for the database:
 * <ol>
 * <li><b>logged</b>: appended to the {@link RedoLog}, everything queued so far in one append. A thread
 * that needs its write durable ({@link #durably}) logs the queue itself; threads that ask at the same time find
 * their writes logged by whichever of them got there first (group commit); a virtual thread (a run's step) first
 * yields to the others ready to run, so that the writes of a for-each's parallel items share one append. The
 * background thread logs the rest.</li>
 * <li><b>applied</b>: committed to the database by one background thread {@value #INTERVAL_MS} ms after the first
 * write is queued, or sooner when {@value #BATCH} are waiting, in one transaction per batch that also records the
 * last sequence number applied. With nothing queued the thread sleeps until something is.</li>
 * </ol>
 * Every write is logged before it is applied, so the database never holds a write without those queued before
 * it. When the log passes {@value #LOG_LIMIT} bytes the database is checkpointed and the log emptied. Without a
 * log (another process owns it, or a server database) a durable write is committed, and checkpointed on an
 * embedded store, by its thread, together with whatever other threads queued meanwhile (they wait for that commit
 * instead of making their own); one that could not be committed throws, instead of being dropped. The second stage is the {@link LogApplier}'s.
 */
final class WriteBehind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    static final int BATCH = 256;
    static final long INTERVAL_MS = 50;
    static final long LOG_LIMIT = 8L * 1024 * 1024;

    private final Store store;
    private final RedoLog redo; // null: none
    private final LogApplier applier;
    private final ReentrantLock adding = new ReentrantLock();
    private ArrayList<Entry> queue = new ArrayList<>(); // guarded by adding
    private long nextSeq; // guarded by adding
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock logging = new ReentrantLock();
    private long checkpointedSeq; // guarded by the applier's lock; without a log only
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean idle; // the writer sleeps until woken

    /** Writes queued by one call; {@code waiter} is set for a durable one. */
    private record Entry(Logged logged, Waiter waiter) {
    }

    /** A durable call's outcome, written and read under {@link #logging}. */
    private static final class Waiter {
        boolean done;
        RuntimeException error;
    }

    WriteBehind(Store store, KeptConnection connection, RedoLog redo, long appliedSeq) {
        this.store = store;
        this.applier = new LogApplier(store, connection, redo != null, appliedSeq);
        this.redo = redo;
        this.nextSeq = appliedSeq + 1;
        this.writer = Thread.ofPlatform().daemon().name("otai-store-writer").unstarted(this::loop);
    }

    void start() {
        writer.start();
    }

    /** Queues {@code writes}, applied together; returns their sequence number. */
    long add(List<Write> writes) {
        long seq = enqueue(writes, null);
        int waiting = queued.incrementAndGet();
        // wakes a sleeping writer, or cuts its wait short for a full batch; not otherwise: a durable call empties the
        // queue, and waking the writer for the next write after each would commit tiny batches
        if (idle || waiting >= BATCH) {
            LockSupport.unpark(writer);
        }
        return seq;
    }

    private long enqueue(List<Write> writes, Waiter waiter) {
        adding.lock();
        try {
            long seq = nextSeq++;
            queue.add(new Entry(new Logged(seq, writes), waiter));
            return seq;
        } finally {
            adding.unlock();
        }
    }

    long appliedSeq() {
        return applier.appliedSeq();
    }

    /**
     * At open, before the writer starts and anything reads the database: commits what the log holds beyond the
     * last write applied (an engine that died left it there), has the database write it to its file, and empties
     * the log.
     */
    void replay(List<Logged> missing) {
        if (!missing.isEmpty()) {
            applier.replay(missing);
            nextSeq = applier.appliedSeq() + 1;
            log.info("Applied {} queued writes (sequence {} to {}) that the store's redo log held beyond the database",
                    missing.size(), missing.getFirst().seq(), applier.appliedSeq());
        }
        store.checkpoint();
        redo.clear();
    }

    /** Whether the write numbered {@code seq} is in the database. */
    boolean applied(long seq) {
        return applier.applied(seq);
    }

    /**
     * Queues {@code writes} and returns once they, and everything queued before them, survive the process being
     * killed: in the redo log, or without one committed (and checkpointed) in the database.
     */
    long durably(List<Write> writes) {
        var waiter = new Waiter();
        long seq = enqueue(writes, waiter);
        queued.incrementAndGet();
        if (redo == null) {
            logPending();
            applier.lock();
            try {
                if (checkpointedSeq < seq) { // else a thread that held the lock before committed it with its own
                    applier.applyQueued();
                    store.checkpoint();
                    checkpointedSeq = applier.appliedSeq();
                }
                applier.takeFailure(seq).ifPresent(e -> {
                    throw new StoreException("store " + store.description() + ": a durable write could not be "
                            + "committed: " + e.getMessage(), e);
                });
            } finally {
                applier.unlock();
            }
            return seq;
        }
        if (Thread.currentThread().isVirtual()) {
            // group commit across a run's parallel items: the other virtual threads ready to run (on as few carriers
            // as there are cores) queue their writes before this one appends, and find them logged with it
            Thread.yield();
        }
        logging.lock();
        try {
            if (!waiter.done) { // else a thread that held the lock before logged it with its own
                logQueued();
            }
            if (waiter.error != null) {
                throw waiter.error;
            }
        } finally {
            logging.unlock();
        }
        if (idle) { // the writer sleeps until something is queued; what was logged here waits for it
            LockSupport.unpark(writer);
        }
        return seq;
    }

    /** Applies every write queued before this call to the database. */
    void flush() {
        logPending();
        applier.applyPending();
    }

    private void logPending() {
        logging.lock();
        try {
            logQueued();
        } finally {
            logging.unlock();
        }
    }

    /** Under {@link #logging}: moves the queue to the log in one write, then on to the database's queue. */
    private void logQueued() {
        ArrayList<Entry> batch;
        adding.lock();
        try {
            batch = queue;
            queue = new ArrayList<>();
        } finally {
            adding.unlock();
        }
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(-batch.size());
        var logged = new ArrayList<Logged>(batch.size());
        for (Entry entry : batch) {
            logged.add(entry.logged());
        }
        RuntimeException notLogged = null;
        if (redo != null) {
            try {
                if (store.takeDirectWrites()) { // what was committed before these writes is on disk before they are
                    store.checkpoint();
                }
                redo.append(logged);
            } catch (RuntimeException e) {
                notLogged = e;
                log.warn("The store's redo log could not be written: {}", e.getMessage());
            }
        }
        for (Entry entry : batch) {
            if (entry.waiter() != null) {
                entry.waiter().done = true;
                entry.waiter().error = notLogged;
            }
        }
        applier.offer(logged); // even unlogged: it still reaches the database
    }

    /**
     * Once the log passes its limit: applies everything logged, has the database write it to its file, and
     * empties the log. Durable callers wait meanwhile (one database checkpoint per {@value #LOG_LIMIT} bytes).
     */
    private void truncateWhenLarge() {
        if (redo == null || redo.size() < LOG_LIMIT) {
            return;
        }
        checkpointAndClear();
    }

    private void checkpointAndClear() {
        logging.lock();
        try {
            applier.lock();
            try {
                applier.applyQueued();
                store.checkpoint();
                redo.clear();
            } finally {
                applier.unlock();
            }
        } finally {
            logging.unlock();
        }
    }

    /** Sleeps while nothing is queued (an idle engine wakes no thread here), else gathers a batch, then commits it. */
    private void loop() {
        while (!closed) {
            if (queued.get() == 0 && applier.idle()) {
                idle = true; // then look again: a durable call that logged meanwhile sees idle and wakes this thread
                if (queued.get() == 0 && applier.idle()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
            try {
                flush();
                truncateWhenLarge();
            } catch (RuntimeException e) {
                log.warn("The store writer could not write: {}", e.getMessage());
            }
        }
    }

    /** Stops the background thread after committing what is queued; the log is emptied and let go. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
            if (redo != null) {
                checkpointAndClear();
            }
        } finally {
            applier.close();
            if (redo != null) {
                redo.close();
            }
        }
    }
}
