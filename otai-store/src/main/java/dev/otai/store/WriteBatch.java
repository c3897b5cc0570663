package dev.otai.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies queued writes to one connection, in one transaction, with as few round trips as their order allows:
 * consecutive writes to a table that use the same statement go in one JDBC batch (statements on different tables
 * commute, so a table's batch stays open while others are written); a settlement of an effect whose insert is
 * still waiting in the batch is folded into that insert. Statements come prepared from the writer's kept
 * connection.
 */
final class WriteBatch {

    private final KeptConnection connection;
    private final Map<String, Pending> open = new HashMap<>();

    /** Rows of one statement for one table, not yet sent. */
    private static final class Pending {
        final Sql sql;
        final List<Write> rows = new ArrayList<>();
        final Map<Long, Integer> insertedEffects = new HashMap<>();

        Pending(Sql sql) {
            this.sql = sql;
        }
    }

    WriteBatch(KeptConnection connection) {
        this.connection = connection;
    }

    void add(Write write) throws SQLException {
        String table = write.sql().table();
        Pending pending = open.get(table);
        if (pending != null && write.sql() == Sql.EFFECT_SETTLE && pending.sql == Sql.EFFECT_INSERT) {
            Integer row = pending.insertedEffects.get((Long) write.params().get(3));
            if (row != null) {
                Write insert = pending.rows.get(row);
                pending.rows.set(row, insert.with(8, write.params().get(0)).with(11, write.params().get(1))
                        .with(12, write.params().get(2)));
                return;
            }
        }
        if (pending != null && pending.sql != write.sql()) {
            send(pending);
            pending = null;
        }
        if (pending == null) {
            pending = new Pending(write.sql());
            open.put(table, pending);
        }
        if (write.sql() == Sql.EFFECT_INSERT) {
            pending.insertedEffects.put((Long) write.params().getFirst(), pending.rows.size());
        }
        pending.rows.add(write);
    }

    /** Sends every batch still open. */
    void finish() throws SQLException {
        for (Pending pending : open.values()) {
            send(pending);
        }
        open.clear();
    }

    private void send(Pending pending) throws SQLException {
        PreparedStatement statement = connection.prepare(pending.sql.text());
        if (pending.rows.size() == 1) {
            bind(statement, pending.rows.getFirst());
            statement.executeUpdate();
            return;
        }
        for (Write row : pending.rows) {
            bind(statement, row);
            statement.addBatch();
        }
        statement.executeBatch();
    }

    private static void bind(PreparedStatement statement, Write write) throws SQLException {
        String types = write.sql().types();
        for (int i = 0; i < types.length(); i++) {
            Object value = write.params().get(i);
            int at = i + 1;
            switch (types.charAt(i)) {
                case 's' -> statement.setString(at, (String) value);
                case 'l' -> {
                    if (value == null) {
                        statement.setNull(at, Types.BIGINT);
                    } else {
                        statement.setLong(at, (Long) value);
                    }
                }
                case 't' -> {
                    if (value == null) {
                        statement.setNull(at, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(at, ((Instant) value).atOffset(ZoneOffset.UTC));
                    }
                }
                case 'b' -> {
                    if (value == null) {
                        statement.setNull(at, Types.BOOLEAN);
                    } else {
                        statement.setBoolean(at, (Boolean) value);
                    }
                }
                default -> throw new IllegalStateException("statement " + write.sql() + " declares type " + types.charAt(i));
            }
        }
    }
}
