package dev.otai.store.events;

import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a claimer hears that an event was stored: on PostgreSQL, a {@code NOTIFY} sent with the commit of the
 * event, heard on a connection of its own that {@code LISTEN}s; on this node, a signal as well. A lost connection
 * is opened again at the next wait; until then waits end only at their time limit (the claimers' poll).
 * Only the claiming thread waits.
 */
final class Wakeups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Wakeups.class);
    static final String CHANNEL = "otai_trigger_events";

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private boolean signalled; // guarded by lock
    private volatile Boolean postgres;
    private volatile Connection listening;
    private boolean warned; // the waiting thread's

    Wakeups(Store store) {
        this.store = store;
    }

    /** Within the transaction that stores an event: PostgreSQL tells the listeners when it commits. */
    void notifyOthers(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.isWrapperFor(PGConnection.class);
        }
        if (postgres) {
            try (var s = c.createStatement()) {
                s.execute("NOTIFY " + CHANNEL);
            }
        }
    }

    void wakeHere() {
        lock.lock();
        try {
            signalled = true;
            stored.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code atMost} for an event stored here or, on PostgreSQL, anywhere. */
    void await(Duration atMost) throws InterruptedException {
        if (takeSignal()) {
            return;
        }
        PGConnection pg = listener();
        if (pg == null) {
            awaitSignal(atMost);
            return;
        }
        try {
            pg.getNotifications((int) Math.max(1, atMost.toMillis()));
        } catch (SQLException e) {
            dropListener(e);
            awaitSignal(atMost);
        }
    }

    private boolean takeSignal() {
        lock.lock();
        try {
            boolean was = signalled;
            signalled = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    private void awaitSignal(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            long left = atMost.toNanos();
            while (!signalled && left > 0) {
                left = stored.awaitNanos(left);
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    /** The listening connection, opened when needed; null when the database is not PostgreSQL or cannot be reached. */
    private PGConnection listener() {
        if (Boolean.FALSE.equals(postgres)) {
            return null;
        }
        try {
            if (listening == null) {
                Connection c = store.connection();
                if (!c.isWrapperFor(PGConnection.class)) {
                    postgres = false;
                    c.close();
                    return null;
                }
                postgres = true;
                c.setAutoCommit(true);
                try (var s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = c;
                if (warned) {
                    log.info("Listening for stored events again");
                    warned = false;
                }
            }
            return listening.unwrap(PGConnection.class);
        } catch (SQLException | RuntimeException e) {
            dropListener(e);
            return null;
        }
    }

    private void dropListener(Exception e) {
        if (!warned) {
            log.warn("Cannot listen for stored events ({}); looking for them every second", e.getMessage());
            warned = true;
        }
        close();
    }

    @Override
    public void close() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the connection is gone already
            }
        }
    }
}
