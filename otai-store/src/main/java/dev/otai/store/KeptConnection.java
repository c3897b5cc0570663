package dev.otai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A connection kept open for one kind of frequent work (the writer's batches, the ledger's per-ticket read), with
 * its statements kept prepared, so that the work pays neither the pool nor the SQL parser each time. Not
 * thread-safe: its user serialises the calls. After a failure the user {@link #reset}s it and the next call opens
 * a fresh one.
 */
final class KeptConnection implements AutoCloseable {

    private final DataSource dataSource;
    private final boolean autoCommit;
    private Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    KeptConnection(DataSource dataSource, boolean autoCommit) {
        this.dataSource = dataSource;
        this.autoCommit = autoCommit;
    }

    Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(autoCommit);
        }
        return connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** Drops the connection (after a failure); the next call opens another. */
    void reset() {
        close();
    }

    @Override
    public void close() {
        prepared.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it failed already, or the database is gone: nothing more to release
            }
            connection = null;
        }
    }
}
