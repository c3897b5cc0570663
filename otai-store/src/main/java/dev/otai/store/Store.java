package dev.otai.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded store: an H2 database in the data directory, its schema brought up to date by Flyway on open.
 * Every change goes through {@link #inTransaction}, so a crash mid-write leaves either all of it or none. Writes
 * that need not wait go through {@link #later} and are committed in batches; a write that must be on disk before
 * the engine goes on goes through {@link #durably}, which shares one flush among the threads that ask at once.
 * Safe for use from several threads; close it after the engine stopped.
 */
public final class Store implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/otai";
    private static final String DATABASE_NAME = "otai";

    private final DataSource dataSource;
    private final AutoCloseable closer;
    private final String description;
    private final InstantSource clock;
    private final boolean embedded;
    private final WriteBehind writeBehind;

    private Store(DataSource dataSource, AutoCloseable closer, String description, InstantSource clock, boolean embedded) {
        this.dataSource = dataSource;
        this.closer = closer;
        this.description = description;
        this.clock = clock;
        this.embedded = embedded;
        this.writeBehind = new WriteBehind(this);
    }

    /**
     * Opens (creating when needed) the H2 database in {@code directory} and migrates its schema. The directory is
     * created 0700, the database, its key and H2's lock file are 0600, H2 writes no trace file, and the port
     * through which other otai processes read the store listens on loopback only.
     */
    public static Store openEmbedded(Path directory, InstantSource clock) {
        LoopbackBinding.ensure();
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            PrivateFiles.createDirectory(absolute);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + absolute + ": " + e.getMessage()
                    + "; expected a writable folder (set infrastructure.storage.data_dir or --data-dir)", e);
        }
        String key = StoreKey.of(absolute, DATABASE_NAME);
        restrict(absolute, DATABASE_NAME + ".mv.db", true);
        // retry: reopens the file when a thread doing I/O is interrupted (a run cancelled on timeout), which would
        // otherwise close the whole database; AUTO_SERVER lets the CLI read the store while the engine holds it (the
        // second process connects through loopback TCP). Commits reach the file within H2's write delay (0.5 s);
        // what must survive a crash before the engine goes on is flushed with durable().
        // A connection keeps the parsed form of its last QUERY_CACHE_SIZE statements; the ledger, the journal and the
        // history use a few dozen, and a pooled connection serves them all.
        String url = "jdbc:h2:retry:" + absolute.resolve(DATABASE_NAME) + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "otai", key);
        pool.setMaxConnections(16);
        Store store = new Store(pool, pool::dispose, absolute.toString(), clock, true);
        store.migrate();
        store.writeBehind.start();
        try {
            // H2 creates its lock file (the server's address and key) with the umask's permissions
            restrict(absolute, DATABASE_NAME + ".lock.db", false);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static void restrict(Path directory, String name, boolean create) {
        Path file = directory.resolve(name);
        try {
            if (create) {
                PrivateFiles.createFile(file);
            } else {
                PrivateFiles.restrict(file);
            }
        } catch (IOException e) {
            throw new StoreException("cannot make " + file + " readable by its owner only: " + e.getMessage(), e);
        }
    }

    /** Uses an existing data source (PostgreSQL in clustered mode, or a test database) and migrates its schema. */
    public static Store open(DataSource dataSource, String description, InstantSource clock) {
        Store store = new Store(dataSource, () -> { }, description, clock, false);
        store.migrate();
        store.writeBehind.start();
        return store;
    }

    private void migrate() {
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            close();
            throw new StoreException("cannot open the store at " + description + ": " + explain(e), e);
        }
    }

    private static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = Objects.requireNonNullElse(t.getMessage(), "");
            if (message.contains("already in use") || message.contains("Locked by another process")) {
                return "the database is in use by another otai process; stop it first, or point this command at "
                        + "another data directory";
            }
        }
        return e.getMessage();
    }

    /** Where the data lives, for messages. */
    public String description() {
        return description;
    }

    public InstantSource clock() {
        return clock;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store " + description + ": " + e.getMessage(), e);
        }
    }

    /** Queues {@code work} to be committed in a batch, off the calling thread, in the order queued. */
    public void later(SqlWork<?> work) {
        writeBehind.add(work);
    }

    /** Commits everything queued with {@link #later} so far. */
    public void flush() {
        writeBehind.flush();
    }

    /**
     * Runs {@code work} in a transaction that is on disk when this returns, after everything queued before it.
     * Threads that ask at the same time share one transaction and one write of the file (group commit); the work
     * may run on another of those threads. PostgreSQL commits are durable already.
     */
    public <T> T durably(SqlWork<T> work) {
        return writeBehind.durably(work);
    }

    /** Commits everything queued so far and writes it to the file, so that it survives the process being killed. */
    public void durable() {
        writeBehind.durably(c -> null);
    }

    /** Writes every committed change to the file (H2's own writer would within its write delay). */
    void checkpoint() {
        if (!embedded) {
            return;
        }
        inTransaction(c -> {
            try (var statement = c.createStatement()) {
                return statement.execute("CHECKPOINT");
            }
        });
    }

    /** Commits the queued writes and closes the database. */
    @Override
    public void close() {
        try {
            writeBehind.close();
        } catch (RuntimeException e) {
            // the database may already be gone (a failed open); nothing queued can be written then
        }
        try {
            closer.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the store at " + description + ": " + e.getMessage(), e);
        }
    }

    /** Work against one connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
