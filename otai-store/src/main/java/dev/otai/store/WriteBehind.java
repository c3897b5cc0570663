package dev.otai.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the store, queued by the threads that make them and committed in batches, in the order queued. Writes
 * that need not wait for the disk (step results, run history, settled writes) are committed by one background
 * thread {@value #INTERVAL_MS} ms after the first of them is queued, or sooner when {@value #BATCH} are waiting; with
 * nothing queued the thread sleeps until something is. A write that must be on disk
 * before its thread goes on ({@link #durably}) joins the queue too, and its thread commits the whole queue and
 * forces it to disk; threads that ask at the same time find their write committed by whichever of them got there
 * first (group commit: one transaction and one flush for all of them), and the store never holds an intent without
 * the step results queued before it. A batch that fails is retried one write at a time; a queued write that fails
 * alone is logged and dropped (recording never stops a run), a durable one fails its caller.
 */
final class WriteBehind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    static final int BATCH = 256;
    static final long INTERVAL_MS = 50;

    private final Store store;
    private final ConcurrentLinkedQueue<Store.SqlWork<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong failed = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    WriteBehind(Store store) {
        this.store = store;
        this.writer = Thread.ofPlatform().daemon().name("otai-store-writer").unstarted(this::loop);
    }

    void start() {
        writer.start();
    }

    void add(Store.SqlWork<?> work) {
        queue.add(work);
        int waiting = queued.incrementAndGet();
        if (waiting == 1 || waiting >= BATCH) { // the first write wakes an idle writer; a full batch cuts its wait short
            LockSupport.unpark(writer);
        }
    }

    /** Queues {@code work} and returns once it is committed and on disk, with everything queued before it. */
    <T> T durably(Store.SqlWork<T> work) {
        var waiting = new Durable<>(work);
        queue.add(waiting);
        queued.incrementAndGet();
        writing.lock();
        try {
            if (!waiting.done) { // else a thread that held the lock before committed it with its own batch
                drain();
            }
        } finally {
            writing.unlock();
        }
        return waiting.result();
    }

    /** Commits every write queued before this call; returns when they are committed (on disk when one was durable). */
    void flush() {
        if (queue.isEmpty() && !writing.isLocked()) {
            return;
        }
        writing.lock();
        try {
            drain();
        } finally {
            writing.unlock();
        }
    }

    private void drain() {
        var batch = new ArrayList<Store.SqlWork<?>>();
        for (Store.SqlWork<?> work; (work = queue.poll()) != null; ) {
            batch.add(work);
        }
        queued.addAndGet(-batch.size());
        if (batch.isEmpty()) {
            return;
        }
        write(batch);
        List<Durable<?>> durables = batch.stream().filter(Durable.class::isInstance).<Durable<?>>map(Durable.class::cast).toList();
        if (durables.isEmpty()) {
            return;
        }
        RuntimeException notOnDisk = null;
        try {
            store.checkpoint();
        } catch (RuntimeException e) {
            notOnDisk = e;
        }
        for (Durable<?> durable : durables) {
            durable.finish(notOnDisk);
        }
    }

    private void write(List<Store.SqlWork<?>> batch) {
        try {
            store.inTransaction(c -> {
                for (Store.SqlWork<?> work : batch) {
                    work.apply(c);
                }
                return null;
            });
        } catch (RuntimeException batchFailed) {
            for (Store.SqlWork<?> work : batch) {
                try {
                    store.inTransaction(work);
                } catch (RuntimeException e) {
                    if (work instanceof Durable<?> durable) {
                        durable.finish(e);
                    } else if (failed.getAndIncrement() % 100 == 0) {
                        log.warn("A queued store write failed ({} so far): {}", failed.get(), e.getMessage());
                    }
                }
            }
        }
    }

    /** Sleeps while nothing is queued (an idle engine wakes no thread here), else gathers a batch, then commits it. */
    private void loop() {
        while (!closed) {
            if (queued.get() == 0) {
                LockSupport.park(this);
                continue;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("The store writer could not write: {}", e.getMessage());
            }
        }
    }

    /** Stops the background thread after committing what is queued. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /**
     * A queued write whose thread waits for it. Its fields are written and read under {@link #writing} (the
     * waiting thread reads them after taking the lock), so they need no further guard.
     */
    private static final class Durable<T> implements Store.SqlWork<T> {

        private final Store.SqlWork<T> work;
        private T result;
        private RuntimeException error;
        private boolean done;

        Durable(Store.SqlWork<T> work) {
            this.work = work;
        }

        @Override
        public T apply(Connection connection) throws SQLException {
            result = work.apply(connection);
            return result;
        }

        void finish(RuntimeException failure) {
            if (!done) {
                error = failure;
                done = true;
            }
        }

        T result() {
            if (error != null) {
                throw error;
            }
            return result;
        }
    }
}
