package dev.otai.store;

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
 * Writes that need not wait for the disk (step results, run history, settled writes), queued by the threads that
 * make them and committed in batches by one background thread, every {@value #INTERVAL_MS} ms or sooner when
 * {@value #BATCH} are waiting. {@link #flush()} commits everything queued so far on the calling thread: a write
 * that must be durable first flushes what was queued before it, so that the store never holds an intent without
 * the step results it was based on. A batch that fails is retried one write at a time; a write that fails alone is
 * logged and dropped (the same rule as for the run history: recording never stops a run).
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
        if (queued.incrementAndGet() >= BATCH) {
            LockSupport.unpark(writer);
        }
    }

    /** Commits every write queued before this call; returns when they are committed (not yet forced to disk). */
    void flush() {
        if (queue.isEmpty() && !writing.isLocked()) {
            return;
        }
        writing.lock();
        try {
            var batch = new ArrayList<Store.SqlWork<?>>();
            for (Store.SqlWork<?> work; (work = queue.poll()) != null; ) {
                batch.add(work);
            }
            queued.addAndGet(-batch.size());
            if (!batch.isEmpty()) {
                write(batch);
            }
        } finally {
            writing.unlock();
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
                    if (failed.getAndIncrement() % 100 == 0) {
                        log.warn("A queued store write failed ({} so far): {}", failed.get(), e.getMessage());
                    }
                }
            }
        }
    }

    private void loop() {
        while (!closed) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
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
}
