package dev.otai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write queue's second stage: commits logged writes to the database in order, one transaction per batch on a
 * kept connection, and, when there is a redo log, records in the same transaction the last sequence number applied
 * (so that a replay at open applies each write exactly once). A batch that fails is retried one queued call at a
 * time; a call that fails alone is logged and dropped (recording never stops a run). Its lock is taken after the
 * logging lock, never before.
 */
final class LogApplier {

    private static final Logger log = LoggerFactory.getLogger(LogApplier.class);
    private static final int FAILURES_KEPT = 1024;

    private final Store store;
    private final KeptConnection connection; // used under lock, or before the writer starts
    private final boolean recordsSeq;
    private final ConcurrentLinkedQueue<Logged> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong failed = new AtomicLong();
    private final TreeMap<Long, RuntimeException> recentFailures = new TreeMap<>(); // guarded by lock
    private volatile long appliedSeq;

    LogApplier(Store store, KeptConnection connection, boolean recordsSeq, long appliedSeq) {
        this.store = store;
        this.connection = connection;
        this.recordsSeq = recordsSeq;
        this.appliedSeq = appliedSeq;
    }

    static long appliedSeq(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM redo_applied WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    long appliedSeq() {
        return appliedSeq;
    }

    /** Whether the writes numbered {@code seq} are in the database. */
    boolean applied(long seq) {
        return seq <= appliedSeq;
    }

    boolean idle() {
        return pending.isEmpty();
    }

    /** Queues logged writes, in order; call under the logging lock. */
    void offer(List<Logged> logged) {
        pending.addAll(logged);
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Commits everything offered so far (takes the lock). */
    void applyPending() {
        lock.lock();
        try {
            applyQueued();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: commits what was offered, in order. */
    void applyQueued() {
        var batch = new ArrayList<Logged>();
        for (Logged logged; (logged = pending.poll()) != null; ) {
            batch.add(logged);
        }
        if (!batch.isEmpty()) {
            applyEach(batch, "A queued store write");
            appliedSeq = batch.getLast().seq();
        }
    }

    /** At open, before the writer starts: commits what the log held beyond the database. */
    void replay(List<Logged> missing) {
        applyEach(missing, "A write in the store's redo log");
        appliedSeq = missing.getLast().seq();
    }

    private void applyEach(List<Logged> batch, String what) {
        try {
            apply(batch);
        } catch (RuntimeException batchFailed) {
            for (Logged record : batch) {
                try {
                    apply(List.of(record));
                } catch (RuntimeException e) {
                    remember(record.seq(), e);
                    if (failed.getAndIncrement() % 100 == 0) {
                        log.warn("{} (sequence {}, {}) failed and is dropped ({} so far): {}", what, record.seq(),
                                record.writes().isEmpty() ? "empty" : record.writes().getFirst().sql(), failed.get(), e.getMessage());
                    }
                }
            }
        }
    }

    /** Under the lock (or before the writer starts): keeps why {@code seq} was dropped, for a durable caller to ask. */
    private void remember(long seq, RuntimeException e) {
        recentFailures.put(seq, e);
        if (recentFailures.size() > FAILURES_KEPT) {
            recentFailures.pollFirstEntry();
        }
    }

    /**
     * Under the lock: why the writes numbered {@code seq} were dropped instead of committed, if they were (among the
     * last {@value #FAILURES_KEPT} dropped); forgets it.
     */
    Optional<RuntimeException> takeFailure(long seq) {
        return Optional.ofNullable(recentFailures.remove(seq));
    }

    /** Commits {@code records} in one transaction, with the last one's sequence number when there is a log. */
    private void apply(List<Logged> records) {
        try {
            var batch = new WriteBatch(connection);
            for (Logged record : records) {
                for (Write write : record.writes()) {
                    batch.add(write);
                }
            }
            batch.finish();
            if (recordsSeq) {
                PreparedStatement applied = connection.prepare("UPDATE redo_applied SET seq = ? WHERE id = 1");
                applied.setLong(1, records.getLast().seq());
                applied.executeUpdate();
            }
            connection.connection().commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.connection().rollback();
            } catch (SQLException alsoFailed) {
                e.addSuppressed(alsoFailed);
                connection.reset();
            }
            throw e instanceof RuntimeException r ? r
                    : new StoreException("store " + store.description() + ": " + e.getMessage(), e);
        }
    }

    void close() {
        connection.close();
    }
}
