package dev.otai.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.otai.core.config.StorageSettings.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store: an H2 database in the data directory (embedded, one engine at a time), or a PostgreSQL database shared by
 * the engines of a cluster ({@link #openServer}); its schema brought up to date by Flyway on open. Every change is one transaction, so a crash mid-write leaves either all of it or none. What the engine records
 * while it runs is data ({@link Write}): queued with {@link #later} and committed in batches, or, when it must
 * survive a crash before the engine goes on, with {@link #durably}, which appends it to the redo log (one write of
 * the file shared among the threads that ask at once). The few writes that are not queued go through
 * {@link #inTransaction}, reads through {@link #read} (or {@link #readPrepared} when made often).
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
    private final String node;
    private final boolean clustered;
    private RowKeys keys;
    private final AtomicBoolean directWrites = new AtomicBoolean();
    private final ReentrantLock reading = new ReentrantLock();
    private KeptConnection reader; // guarded by reading
    private WriteBehind writeBehind;

    private Store(DataSource dataSource, AutoCloseable closer, String description, InstantSource clock, boolean embedded,
                  String node, boolean clustered) {
        this.dataSource = dataSource;
        this.closer = closer;
        this.description = description;
        this.clock = clock;
        this.embedded = embedded;
        this.node = node;
        this.clustered = clustered;
    }

    /**
     * Opens (creating when needed) the H2 database in {@code directory} and migrates its schema. The directory is
     * created 0700, the database, its key and H2's lock file are 0600, H2 writes no trace file, and the port
     * through which other otai processes read the store listens on loopback only.
     */
    public static Store openEmbedded(Path directory, InstantSource clock) {
        return openEmbedded(directory, clock, false);
    }

    /**
     * As {@link #openEmbedded(Path, InstantSource)}; with {@code fsync}, each append to the redo log is also forced
     * through the operating system's cache to the disk (durable writes then survive a power loss, at the cost of
     * one disk flush per group). The first process to open a data directory owns its redo log: it applies what
     * an engine that died left in it before anything reads the store.
     */
    public static Store openEmbedded(Path directory, InstantSource clock, boolean fsync) {
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
        Store store = new Store(pool, pool::dispose, absolute.toString(), clock, true, Server.defaultNode(), false);
        store.migrate();
        try {
            store.startWriting(RedoLog.open(absolute, fsync).orElse(null));
            // H2 creates its lock file (the server's address and key) with the umask's permissions
            restrict(absolute, DATABASE_NAME + ".lock.db", false);
        } catch (RuntimeException e) {
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

    /**
     * Uses an existing data source (a test database) as the only engine's store, and migrates its schema. Clustered
     * mode opens its database with {@link #openServer}.
     */
    public static Store open(DataSource dataSource, String description, InstantSource clock) {
        return start(new Store(dataSource, () -> { }, description, clock, false, Server.defaultNode(), false));
    }

    /**
     * Opens the PostgreSQL database of clustered mode through a pool of {@code server.poolSize()} connections and
     * migrates its schema (engines that start together take turns: Flyway locks the schema while it migrates). Several
     * engines write the database at once: {@link #durably} commits before it returns (no redo log), row keys are
     * reserved in blocks shared through the database, and {@link #node} names this engine in the rows it writes.
     */
    public static Store openServer(Server server, InstantSource clock) {
        HikariDataSource pool = ServerPool.open(server);
        return start(new Store(pool, pool::close, server.printableUrl(), clock, false, server.node(), true));
    }

    private static Store start(Store store) {
        store.migrate();
        try {
            store.startWriting(null);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Replays what the redo log holds beyond the database, counts keys on from the tables, starts the writer. */
    private void startWriting(RedoLog redo) {
        try {
            long applied = redo == null ? 0 : read(LogApplier::appliedSeq);
            writeBehind = new WriteBehind(this, new KeptConnection(dataSource, false), redo, applied);
        } catch (RuntimeException e) {
            if (redo != null) {
                redo.close();
            }
            throw e;
        }
        if (redo != null) {
            writeBehind.replay(redo.read(writeBehind.appliedSeq()));
        }
        keys = clustered ? new ReservedKeys(this) : new CountedKeys(this);
        writeBehind.start();
    }

    private void migrate() {
        try {
            Flyway flyway = Flyway.configure(Store.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load();
            List<String> unknown = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS)
                    .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                    .toList();
            if (!unknown.isEmpty()) {
                throw new StoreException("cannot open the store at " + description + ": a newer otai migrated it "
                        + "(schema " + String.join(", ", unknown) + " is unknown to this version); run that version, "
                        + "or restore the data directory backed up before the upgrade");
            }
            flyway.migrate();
        } catch (StoreException e) {
            close();
            throw e;
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

    /** This engine's name, recorded with its runs: {@code infrastructure.storage.node}, else host name and process id. */
    public String node() {
        return node;
    }

    /**
     * Whether other engines write this store too (clustered mode): then what this engine holds in memory about the
     * store's rows may be out of date, and only the database answers.
     */
    public boolean clustered() {
        return clustered;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. For changes that
     * are not queued (the local ticket system's, pruning): the next append to the redo log first has the database
     * write them to its file, so that a queued write never survives a crash that the change before it did not.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        T result = transaction(work);
        directWrites.set(true);
        return result;
    }

    /** Runs {@code work}, which only reads, in one transaction. */
    public <T> T read(SqlWork<T> work) {
        return transaction(work);
    }

    /**
     * Runs {@code work} on {@code sql} prepared once on a connection kept for reads that are made often (the
     * ledger's per-ticket read), one caller at a time; each statement runs in a transaction of its own.
     */
    public <T> T readPrepared(String sql, StatementWork<T> work) {
        reading.lock();
        try {
            if (reader == null) {
                reader = new KeptConnection(dataSource, true);
            }
            return work.apply(reader.prepare(sql));
        } catch (SQLException e) {
            reader.reset();
            throw new StoreException("store " + description + ": " + e.getMessage(), e);
        } finally {
            reading.unlock();
        }
    }

    /** Whether changes were committed with {@link #inTransaction} since the last call; clears the mark. */
    boolean takeDirectWrites() {
        return embedded && directWrites.getAndSet(false);
    }

    <T> T transaction(SqlWork<T> work) {
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

    /**
     * Queues {@code writes} to be committed together in a batch, off the calling thread, in the order queued;
     * returns their sequence number (see {@link #applied}).
     */
    public long later(Write... writes) {
        return writeBehind.add(List.of(writes));
    }

    /** Commits everything queued with {@link #later} so far. */
    public void flush() {
        writeBehind.flush();
    }

    /**
     * Queues {@code writes} and returns once they, with everything queued before them, survive the process being
     * killed: appended to the redo log with one copy into its mapped file, shared by the threads that ask at the
     * same time (group commit); committed to the database in a later batch. Without a redo log (another process
     * owns it, or a server database) they are committed, and written to the file, before this returns.
     */
    public long durably(Write... writes) {
        return writeBehind.durably(List.of(writes));
    }

    /** Makes everything queued so far survive the process being killed, as {@link #durably} does. */
    public void durable() {
        writeBehind.durably(List.of());
    }

    /** Whether the writes queued under {@code seq} are committed to the database (readers of it see them). */
    public boolean applied(long seq) {
        return writeBehind.applied(seq);
    }

    /**
     * A new key for a row of {@code table}, handed out in memory so that a queued insert needs no answer from the
     * database: counting on from the table's largest at open, or in clustered mode from blocks reserved in the
     * database, so that no two engines hand out the same key.
     */
    public long nextKey(Sql.Keys table) {
        return keys.next(table);
    }

    /**
     * A connection of its own, outside the store's transactions and kept by the caller, who closes it: for work that
     * holds a session open, such as waiting for PostgreSQL's notifications.
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Writes every committed change to the file (H2's own writer would within its write delay). */
    void checkpoint() {
        if (!embedded) {
            return;
        }
        transaction(c -> {
            try (var statement = c.createStatement()) {
                return statement.execute("CHECKPOINT");
            }
        });
    }

    /** Commits the queued writes and closes the database. */
    @Override
    public void close() {
        try {
            if (writeBehind != null) {
                writeBehind.close();
            }
        } catch (RuntimeException e) {
            // the database may already be gone (a failed open); nothing queued can be written then
        }
        reading.lock();
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            reading.unlock();
        }
        try {
            closer.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the store at " + description + ": " + e.getMessage(), e);
        }
    }

    /** Work with one prepared statement. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** Work against one connection inside a transaction (reads, and the writes that are not queued). */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
